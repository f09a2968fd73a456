package dev.ben.actors.pipeline;

import dev.ben.actors.ConfiguredSettings;
import dev.ben.actors.NodeLocal;
import dev.ben.streams.flow.Coalescing;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.graph.PipelineGraph;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.wal.IngestLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * Node-local directory of the pipelines that accept events here: where a pipeline's events go in. A
 * pipeline registers once its whole chain runs and withdraws when it stops, so a lookup never
 * returns a half-started pipeline. Every change is published to a {@link PipelineTable}, which
 * request handlers read instead of asking.
 */
public final class PipelineDirectory {

  public sealed interface Command extends NodeLocal {}

  /**
   * Where one pipeline's events enter, the counters its sidecar reports refusals in, whether a
   * contract decides its events (only then can an event be invoked synchronously), and the Unix
   * socket file its contract asks for ({@code sidecar { uds "NAME" }}), and the log that must hold
   * an event before it is acknowledged and enters {@code sink}. Events enter {@code sink} in
   * batches (never an empty one): what a producer has together enters as one.
   */
  public record Ingress(
      String pipeline,
      Sink<List<Envelope>, NotUsed> sink,
      StageCounters sidecarCounters,
      boolean decides,
      Optional<String> uds,
      IngestLog log) {

    public Ingress(
        String pipeline,
        Sink<List<Envelope>, NotUsed> sink,
        StageCounters sidecarCounters,
        boolean decides) {
      this(pipeline, sink, sidecarCounters, decides, Optional.empty(), IngestLog.NONE);
    }
  }

  public record Register(Ingress ingress) implements Command {}

  public record Withdraw(String pipeline) implements Command {}

  public record Lookup(String pipeline, ActorRef<LookupResult> replyTo) implements Command {}

  /**
   * Tells {@code watcher} of every pipeline that registers or withdraws from now on, after the ones
   * registered already (node services that follow pipelines, such as their Unix sockets).
   */
  public record Watch(ActorRef<Change> watcher) implements Command {}

  /** What a watcher is told. */
  public sealed interface Change extends NodeLocal {}

  public record Registered(Ingress ingress) implements Change {}

  public record Withdrawn(String pipeline) implements Change {}

  /**
   * The pipeline's ingress if it runs here, and the names of those that do (for an actionable
   * refusal).
   */
  public record LookupResult(Optional<Ingress> ingress, List<String> running)
      implements NodeLocal {}

  private final PipelineTable table;
  private final Materializer materializer;
  private final int invokeQueue;

  private PipelineDirectory(PipelineTable table, Materializer materializer, int invokeQueue) {
    this.table = table;
    this.materializer = materializer;
    this.invokeQueue = invokeQueue;
  }

  /**
   * Asks where the pipeline's events enter on this node (the ingest endpoints' one question),
   * waiting at most {@code ben.node.ask-timeout}.
   */
  public static CompletionStage<LookupResult> lookup(
      ActorRef<Command> directory, String pipeline, ActorSystem<?> system) {
    return AskPattern.ask(
        directory,
        replyTo -> new Lookup(pipeline, replyTo),
        ConfiguredSettings.of(system).node().askTimeout(),
        system.scheduler());
  }

  /** A directory whose snapshots only it reads (tests that ask it). */
  public static Behavior<Command> create() {
    return create(new PipelineTable());
  }

  /**
   * A directory that publishes every change to {@code table}, with each decided pipeline's
   * invocation queue ({@code ben.ingest.invoke-queue} places) materialised once into its ingress.
   */
  public static Behavior<Command> create(PipelineTable table) {
    return Behaviors.setup(
        context ->
            new PipelineDirectory(
                    table,
                    Materializer.matFromSystem(context.getSystem()),
                    ConfiguredSettings.of(context.getSystem()).ingest().invokeQueue())
                .running(new TreeMap<>(), List.of()));
  }

  private Behavior<Command> running(
      TreeMap<String, PipelineTable.Entry> pipelines, List<ActorRef<Change>> watchers) {
    table.publish(pipelines);
    return Behaviors.receive(Command.class)
        .onMessage(Register.class, register -> onRegister(pipelines, watchers, register))
        .onMessage(Withdraw.class, withdraw -> onWithdraw(pipelines, watchers, withdraw))
        .onMessage(Lookup.class, lookup -> onLookup(pipelines, lookup))
        .onMessage(Watch.class, watch -> onWatch(pipelines, watchers, watch))
        .onSignal(PostStop.class, stopped -> onPostStop())
        .build();
  }

  /** A stopped directory lists nothing, so no request reaches a pipeline through a stale entry. */
  private Behavior<Command> onPostStop() {
    table.publish(new TreeMap<>());
    return Behaviors.same();
  }

  private Behavior<Command> onRegister(
      TreeMap<String, PipelineTable.Entry> pipelines,
      List<ActorRef<Change>> watchers,
      Register register) {
    TreeMap<String, PipelineTable.Entry> next = new TreeMap<>(pipelines);
    close(next.put(register.ingress().pipeline(), open(register.ingress())));
    // Published before anyone is told, so whoever hears of the change finds it in the table.
    table.publish(next);
    watchers.forEach(watcher -> watcher.tell(new Registered(register.ingress())));
    return running(next, watchers);
  }

  private Behavior<Command> onWithdraw(
      TreeMap<String, PipelineTable.Entry> pipelines,
      List<ActorRef<Change>> watchers,
      Withdraw withdraw) {
    TreeMap<String, PipelineTable.Entry> next = new TreeMap<>(pipelines);
    PipelineTable.Entry gone = next.remove(withdraw.pipeline());
    if (gone != null) {
      close(gone);
      table.publish(next);
      watchers.forEach(watcher -> watcher.tell(new Withdrawn(withdraw.pipeline())));
    }
    return running(next, watchers);
  }

  private Behavior<Command> onWatch(
      TreeMap<String, PipelineTable.Entry> pipelines,
      List<ActorRef<Change>> watchers,
      Watch watch) {
    pipelines.values().forEach(entry -> watch.watcher().tell(new Registered(entry.ingress())));
    List<ActorRef<Change>> next = new ArrayList<>(watchers);
    next.add(watch.watcher());
    return running(pipelines, List.copyOf(next));
  }

  /**
   * Invocations enter a decided pipeline through one queue materialised here, once, instead of a
   * stream per request, each invocation a batch of one while the pipeline keeps up (joined with the
   * invocations queued behind it while it is pressed); other pipelines cannot be invoked and get
   * none.
   */
  private PipelineTable.Entry open(Ingress ingress) {
    Optional<BoundedSourceQueue<Envelope>> queue =
        ingress.decides()
            ? Optional.of(
                Source.<Envelope>queue(invokeQueue)
                    .via(Coalescing.batches(PipelineGraph.LARGEST_BATCH))
                    .to(ingress.sink())
                    .run(materializer))
            : Optional.empty();
    return new PipelineTable.Entry(ingress, queue);
  }

  /**
   * An invocation offered after this is answered as for a stopped pipeline. The queue's stream may
   * have ended already (the pipeline's graph stopped first, which cancels it), and a completed
   * queue refuses a second completion: that is the state wanted, not a failure of the directory.
   */
  private static void close(PipelineTable.Entry entry) {
    if (entry != null) {
      entry.invocations().ifPresent(PipelineDirectory::complete);
    }
  }

  private static void complete(BoundedSourceQueue<Envelope> queue) {
    try {
      queue.complete();
    } catch (IllegalStateException alreadyCompleted) {
      // Nothing to close.
    }
  }

  private static Behavior<Command> onLookup(
      Map<String, PipelineTable.Entry> pipelines, Lookup lookup) {
    lookup
        .replyTo()
        .tell(
            new LookupResult(
                Optional.ofNullable(pipelines.get(lookup.pipeline()))
                    .map(PipelineTable.Entry::ingress),
                List.copyOf(pipelines.keySet())));
    return Behaviors.same();
  }
}
