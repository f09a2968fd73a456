package dev.ben.streams.graph;

import dev.ben.streams.flow.Coalescing;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.metrics.StageCounters;
import java.util.ArrayList;
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
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.MergeHub;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * One pipeline's data path as one stream graph (docs/architecture.md, The path of an event): a
 * {@code MergeHub} where producers join, the sidecar's bound, the proxy (its own buffer and
 * overload policy), then, across the graph's one asynchronous boundary, spine, detector, live tap
 * and store. Events move as batches all the way: a producer hands in the events it has together (a
 * request body's run of lines, a socket frame's batch, a beacon's events; an invocation is a batch
 * of one), so the per-element cost of the hub, of every stage and of every count is paid once per
 * batch; the sidecar's and the proxy's bounds count events, not batches. The boundary lets ingest
 * and proxy run beside the spine's evaluation and keeps the proxy's buffer the place where overload
 * is seen; batches waiting at it are joined up to the contract's {@code coalesce} while the spine
 * is pressed, and a batch formed where the graph is pressed stays whole after it (more batches are
 * joined at each boundary while the island after it is pressed). Everything else is fused: the
 * detector already waits for its shards asynchronously and the store writes on a blocking executor.
 * Counters are counted where stages hand events over ({@link Handover}); the graph ends when the
 * kill switch shuts it, and fails, naming the stage, when any stage fails.
 */
public final class PipelineGraph {

  /**
   * Events a producer hands to the hub as one batch at most (a larger one is split as it enters, in
   * order). With {@link #PER_PRODUCER_BUFFER}, what one producer has in flight in the hub stays at
   * 128 events, at most 8 MiB of lines (one largest request body): a request's body of more lines
   * still waits for the pipeline to take most of it, so its limits hold before the pipeline buffers
   * it.
   */
  public static final int LARGEST_BATCH = 8;

  /**
   * Producers each get this many in-flight batches in the hub; the sidecar's buffer bounds the
   * rest. Not fewer: a producer of single events (an invocation, a paced source) may have only this
   * many in the hub, and with 2 it waited for the hub's demand every other event, which put 20-60
   * ms into the pipeline's p99 at 30,000-48,000 events/s (docs/bench.md, Figures).
   */
  private static final int PER_PRODUCER_BUFFER = 16;

  /**
   * What each stage does. {@code sidecarBuffer} is how many events wait for the proxy at most (a
   * batch larger than that waits alone); {@code proxy} bounds itself; {@code coalesce} is how many
   * events cross an asynchronous boundary as one element at most when the stage after it is pressed
   * (1: one by one); spine, detector and store take batches of events, in order, and hand on
   * batches (never an empty one); {@code tap} sees each event the detector forwards to the store;
   * {@code boundaries} says where the graph has more asynchronous boundaries than the one before
   * the spine.
   */
  public record Logic(
      int sidecarBuffer,
      Flow<List<Envelope>, List<Envelope>, NotUsed> proxy,
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
   * A materialised graph: batches of events sent to {@code batches} (which may be materialised any
   * number of times) enter the sidecar, in order per producer, never an empty one, each split into
   * batches of at most {@link #LARGEST_BATCH} as it enters; {@code termination} completes when the
   * graph stops and fails with a {@link StageFailedException} when a stage fails.
   */
  public record Running(
      Sink<List<Envelope>, NotUsed> batches,
      UniqueKillSwitch killSwitch,
      CompletionStage<Done> termination) {

    /** Single events into the sidecar, each a batch of one. */
    public Sink<Envelope, NotUsed> ingress() {
      return Flow.<Envelope>create().<List<Envelope>>map(List::of).to(batches);
    }
  }

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
    Pair<Pair<Sink<List<Envelope>, NotUsed>, UniqueKillSwitch>, CompletionStage<Done>> running =
        MergeHub.of(batchClass(), PER_PRODUCER_BUFFER)
            .viaMat(KillSwitches.single(), Keep.both())
            .toMat(sink(logic, counters), Keep.both())
            .run(materializer);
    Sink<List<Envelope>, NotUsed> batches =
        Flow.<List<Envelope>>create()
            .mapConcat(batch -> split(batch, LARGEST_BATCH))
            .to(running.first().first());
    return new Running(batches, running.first().second(), running.second());
  }

  /** The batch as batches of at most {@code largest} events, in order. */
  public static List<List<Envelope>> split(List<Envelope> batch, int largest) {
    if (batch.size() <= largest) {
      return List.of(batch);
    }
    List<List<Envelope>> parts = new ArrayList<>((batch.size() + largest - 1) / largest);
    for (int from = 0; from < batch.size(); from += largest) {
      parts.add(batch.subList(from, Math.min(batch.size(), from + largest)));
    }
    return parts;
  }

  @SuppressWarnings("unchecked")
  private static Class<List<Envelope>> batchClass() {
    return (Class<List<Envelope>>) (Class<?>) List.class;
  }

  /** The graph after the hub: everything from the sidecar's bound to the store. */
  public static Sink<List<Envelope>, CompletionStage<Done>> sink(
      Logic logic, Map<StageKind, StageCounters> counters) {
    return Coalescing.merged(logic.sidecarBuffer())
        .via(handover(StageKind.SIDECAR, counters, event -> {}))
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
   * The asynchronous boundary between the proxy's buffer and the spine: each batch as it comes
   * while the spine keeps up, joined up to {@code coalesce} events while it is pressed.
   */
  private static Flow<List<Envelope>, List<Envelope>, NotUsed> toSpine(
      int coalesce, Map<StageKind, StageCounters> counters) {
    return Coalescing.merged(coalesce)
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
