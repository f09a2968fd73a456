package dev.ben.streams.graph;

import dev.ben.streams.flow.Coalescing;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.metrics.StageCounters;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.OverflowStrategy;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.MergeHub;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * One pipeline's data path as one stream graph (docs/architecture.md, The path of an event): a
 * {@code MergeHub} where producers join, the sidecar's bound, the proxy (its own buffer and
 * overload policy), then, across the graph's one asynchronous boundary, spine, detector, live tap
 * and store. The boundary lets ingest and proxy run beside the spine's evaluation and keeps the
 * proxy's buffer the place where overload is seen; events cross it coalesced into batches of up to
 * the contract's {@code coalesce} while the spine is pressed, and go on from there as batches:
 * spine, detector, tap and store each take a batch per element, so the per-element cost of a stage
 * and of a count is paid once per batch, and a batch formed where the graph is pressed stays whole
 * after it (more batches are joined at each boundary while the island after it is pressed).
 * Everything else is fused: the detector already waits for its shards asynchronously and the store
 * writes on a blocking executor. Counters are counted where stages hand events over ({@link
 * Handover}); the graph ends when the kill switch shuts it, and fails, naming the stage, when any
 * stage fails.
 */
public final class PipelineGraph {

  /**
   * Producers each get this many in-flight elements in the hub; the sidecar's buffer bounds the
   * rest.
   */
  private static final int PER_PRODUCER_BUFFER = 16;

  /**
   * What each stage does. {@code proxy} bounds itself; {@code coalesce} is how many events cross an
   * asynchronous boundary as one element at most when the stage after it is pressed (1: one by
   * one); spine, detector and store take batches of events, in order, and hand on batches (never an
   * empty one); {@code tap} sees each event the detector forwards to the store; {@code boundaries}
   * says where the graph has more asynchronous boundaries than the one before the spine.
   */
  public record Logic(
      int sidecarBuffer,
      Flow<Envelope, Envelope, NotUsed> proxy,
      int coalesce,
      Flow<List<Envelope>, List<Envelope>, NotUsed> spine,
      Flow<List<Envelope>, List<Envelope>, NotUsed> detector,
      Consumer<Envelope> tap,
      Sink<List<Envelope>, NotUsed> store,
      Boundaries boundaries) {}

  /**
   * Asynchronous boundaries besides the one before the spine, each one more island (a thread of its
   * own when there is a core for it): {@code beforeDetector} between the spine and the detector,
   * {@code beforeStore} between the live tap and the store. Events keep their order across them.
   */
  public record Boundaries(boolean beforeDetector, boolean beforeStore) {

    /** Proxy on one island, everything from the spine to the store fused on the other. */
    public static final Boundaries NONE = new Boundaries(false, false);
  }

  /**
   * A materialised graph: events sent to {@code ingress} (which may be materialised any number of
   * times) enter the sidecar; {@code termination} completes when the graph stops and fails with a
   * {@link StageFailedException} when a stage fails.
   */
  public record Running(
      Sink<Envelope, NotUsed> ingress,
      UniqueKillSwitch killSwitch,
      CompletionStage<Done> termination) {}

  private PipelineGraph() {}

  /** The counters of every stage of {@code pipeline}, the ones the graph counts in. */
  public static Map<StageKind, StageCounters> counters(MetricsRegistry metrics, String pipeline) {
    Map<StageKind, StageCounters> counters = new EnumMap<>(StageKind.class);
    for (StageKind kind : StageKind.values()) {
      counters.put(kind, new StageCounters(metrics, pipeline, kind.label()));
    }
    return counters;
  }

  public static Running run(
      Logic logic, Map<StageKind, StageCounters> counters, Materializer materializer) {
    Pair<Pair<Sink<Envelope, NotUsed>, UniqueKillSwitch>, CompletionStage<Done>> running =
        MergeHub.of(Envelope.class, PER_PRODUCER_BUFFER)
            .viaMat(KillSwitches.single(), Keep.both())
            .toMat(sink(logic, counters), Keep.both())
            .run(materializer);
    return new Running(running.first().first(), running.first().second(), running.second());
  }

  /** The graph after the hub: everything from the sidecar's bound to the store. */
  public static Sink<Envelope, CompletionStage<Done>> sink(
      Logic logic, Map<StageKind, StageCounters> counters) {
    return Flow.<Envelope>create()
        .buffer(logic.sidecarBuffer(), OverflowStrategy.backpressure())
        .via(
            Handover.events(
                StageKind.SIDECAR,
                counters.get(StageKind.SIDECAR),
                counters.get(StageKind.PROXY),
                event -> {}))
        .via(logic.proxy())
        .via(toSpine(logic.coalesce(), counters))
        .via(logic.spine())
        .via(handover(StageKind.SPINE, counters, event -> {}))
        .via(boundary(logic.boundaries().beforeDetector(), logic.coalesce()))
        .via(logic.detector())
        .via(handover(StageKind.DETECTOR, counters, logic.tap()))
        .via(boundary(logic.boundaries().beforeStore(), logic.coalesce()))
        .watchTermination(Keep.right())
        .toMat(logic.store(), Keep.left())
        .mapMaterializedValue(PipelineGraph::namingTheStore);
  }

  /**
   * The asynchronous boundary between the proxy's buffer and the spine, where single events become
   * batches: one event alone while the spine keeps up, up to {@code coalesce} while it is pressed.
   */
  private static Flow<Envelope, List<Envelope>, NotUsed> toSpine(
      int coalesce, Map<StageKind, StageCounters> counters) {
    return Coalescing.batches(coalesce)
        .via(handover(StageKind.PROXY, counters, event -> {}))
        .async();
  }

  /**
   * An asynchronous boundary that keeps the order of events, where waiting batches are joined up to
   * {@code coalesce} events while the island after it is pressed; nothing when {@code present} is
   * false. Events are counted where they change stage, not where they change island.
   */
  private static Flow<List<Envelope>, List<Envelope>, NotUsed> boundary(
      boolean present, int coalesce) {
    if (!present) {
      return Flow.create();
    }
    return Coalescing.merged(coalesce).async();
  }

  private static Flow<List<Envelope>, List<Envelope>, NotUsed> handover(
      StageKind from, Map<StageKind, StageCounters> counters, Consumer<Envelope> tap) {
    StageKind to = StageKind.values()[from.ordinal() + 1];
    return Handover.batches(from, counters.get(from), counters.get(to), tap);
  }

  /**
   * A failure that reached the store's door unnamed came from the store itself (every earlier
   * stage's failure was named on its way).
   */
  private static CompletionStage<Done> namingTheStore(CompletionStage<Done> termination) {
    return termination.exceptionally(
        failure -> {
          Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
          throw StageFailedException.of(StageKind.STORE, cause);
        });
  }
}
