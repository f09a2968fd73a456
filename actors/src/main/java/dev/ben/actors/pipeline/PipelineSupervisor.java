package dev.ben.actors.pipeline;

import dev.ben.actors.LoggerNaming;
import dev.ben.actors.NodeLocal;
import dev.ben.actors.contract.ContractHolder;
import dev.ben.actors.contract.ContractSources;
import dev.ben.actors.orchestrator.HelloPlane;
import dev.ben.actors.orchestrator.Orchestrator;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.graph.PipelineGraph;
import dev.ben.streams.graph.StageFailedException;
import dev.ben.streams.graph.StageKind;
import dev.ben.streams.spine.ContractSlot;
import dev.ben.streams.wal.IngestLog;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.ChildFailed;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.PreRestart;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * Runs one pipeline's data path on this node: one stream graph ({@link PipelineGraph}) it
 * materialises and watches. A pipeline of the ledger first loads its contract version (through its
 * {@link ContractHolder}); then the graph starts, and the pipeline is registered for ingest only
 * once the events its ingest log still held (a crash left them unsettled) are fed back in. Paused,
 * it withdraws from ingest but keeps its graph and its state. If the graph stops or any stage of it
 * fails, the supervisor fails too (telling the orchestrator which stage) and its parent restarts
 * the whole pipeline with backoff; the graph's kill switch stops it when the supervisor stops or
 * restarts.
 */
public final class PipelineSupervisor extends AbstractBehavior<PipelineSupervisor.Command> {

  public sealed interface Command extends NodeLocal {}

  /** Stop taking events, keep running (and keep state); idempotent. */
  public enum Pause implements Command {
    INSTANCE
  }

  /** Take events again; idempotent. */
  public enum Resume implements Command {
    INSTANCE
  }

  private record Replayed(PipelineGraph.Running graph, Long events, Throwable failure)
      implements Command {}

  private record GraphStopped(PipelineGraph.Running graph, Throwable failure) implements Command {}

  private record ContractSwapped(ContractHolder.Swapped swapped) implements Command {}

  private enum HelloTick implements Command {
    INSTANCE
  }

  private final PipelineStages stages;
  private final ActorRef<PipelineDirectory.Command> directory;
  private final PipelinePresence presence;
  private PipelineGraph.Running graph;
  private Sink<List<Envelope>, NotUsed> ingress;
  private boolean paused;

  /**
   * @param hellos where presence goes (NATS when configured)
   * @param orchestrator where failures are reported, directly: health never travels on NATS
   */
  public static Behavior<Command> create(
      PipelineStages stages,
      ActorRef<PipelineDirectory.Command> directory,
      HelloPlane hellos,
      ActorRef<Orchestrator.Command> orchestrator,
      Optional<ContractSources> contracts) {
    return LoggerNaming.setup(
        PipelineSupervisor.class,
        context ->
            Behaviors.withTimers(
                timers ->
                    new PipelineSupervisor(
                        context, timers, stages, directory, hellos, orchestrator, contracts)));
  }

  private PipelineSupervisor(
      ActorContext<Command> context,
      TimerScheduler<Command> timers,
      PipelineStages stages,
      ActorRef<PipelineDirectory.Command> directory,
      HelloPlane hellos,
      ActorRef<Orchestrator.Command> orchestrator,
      Optional<ContractSources> contracts) {
    super(context);
    this.stages = stages;
    this.directory = directory;
    this.presence =
        new PipelinePresence(
            stages,
            hellos,
            orchestrator,
            contracts.isPresent(),
            context.getSystem().address().toString());
    timers.startTimerWithFixedDelay(
        HelloTick.INSTANCE, stages.settings().orchestrator().helloInterval());
    if (contracts.isPresent() && stages.contract().isPresent()) {
      context.watch(
          context.spawn(
              ContractHolder.create(
                  stages.contract().get(),
                  presence.componentId(StageKind.SPINE),
                  contracts.get(),
                  stages.settings().node(),
                  context.messageAdapter(ContractHolder.Swapped.class, ContractSwapped::new)),
              "contract"));
    } else {
      startGraph();
    }
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(ContractSwapped.class, this::onContractSwapped)
        .onMessage(Replayed.class, this::onReplayed)
        .onMessage(GraphStopped.class, this::onGraphStopped)
        .onMessageEquals(Pause.INSTANCE, this::onPause)
        .onMessageEquals(Resume.INSTANCE, this::onResume)
        .onMessageEquals(HelloTick.INSTANCE, this::onHelloTick)
        .onSignal(ChildFailed.class, this::onContractHolderFailed)
        .onSignal(Terminated.class, this::onContractHolderStopped)
        .onSignal(PreRestart.class, signal -> onPostStop())
        .onSignal(PostStop.class, signal -> onPostStop())
        .build();
  }

  private Behavior<Command> onContractSwapped(ContractSwapped swapped) {
    if (graph == null) {
      startGraph();
    }
    presence.hello(running());
    return this;
  }

  private void startGraph() {
    Materializer materializer = Materializer.matFromSystem(getContext().getSystem());
    PipelineGraph.Running started = stages.run(materializer);
    graph = started;
    getContext()
        .pipeToSelf(started.termination(), (done, failure) -> new GraphStopped(started, failure));
    presence.hello(running());
    getContext()
        .pipeToSelf(
            stages.replay(started.batches(), materializer),
            (events, failure) -> new Replayed(started, events, failure));
  }

  private Behavior<Command> onReplayed(Replayed replayed) {
    if (replayed.graph() != graph) {
      return this;
    }
    if (replayed.failure() != null) {
      throw new PipelineFailedException(stages.pipeline(), replayed.failure());
    }
    getContext()
        .getLog()
        .info(
            "pipeline {} found on disk as it started: {}",
            stages.pipeline(),
            stages.recovered(replayed.events()));
    ingress = replayed.graph().batches();
    if (!paused) {
      register();
    }
    getContext().getLog().info("pipeline {} is running: {}", stages.pipeline(), running());
    return this;
  }

  /**
   * The graph of an earlier incarnation (stopped by its kill switch as the pipeline restarted) is
   * no news; this one's stopping is a failure of the pipeline.
   */
  private Behavior<Command> onGraphStopped(GraphStopped stopped) {
    if (stopped.graph() != graph) {
      return this;
    }
    if (stopped.failure() == null) {
      throw new PipelineFailedException(
          stages.pipeline(), new IllegalStateException("its graph stopped"));
    }
    Throwable cause =
        stopped.failure() instanceof CompletionException
            ? stopped.failure().getCause()
            : stopped.failure();
    StageFailedException failed = StageFailedException.of(StageKind.STORE, cause);
    presence.failed(failed.stage(), failed.getMessage());
    throw new PipelineFailedException(stages.pipeline(), failed);
  }

  private Behavior<Command> onPause() {
    if (!paused) {
      paused = true;
      directory.tell(new PipelineDirectory.Withdraw(stages.pipeline()));
      getContext()
          .getLog()
          .info("pipeline {} is paused: it takes no events and keeps its state", stages.pipeline());
    }
    return this;
  }

  private Behavior<Command> onResume() {
    if (paused) {
      paused = false;
      if (ingress != null) {
        register();
      }
      getContext().getLog().info("pipeline {} is resumed", stages.pipeline());
    }
    return this;
  }

  private Behavior<Command> onHelloTick() {
    presence.hello(running());
    presence.counts(running());
    return this;
  }

  private Behavior<Command> onContractHolderFailed(ChildFailed failed) {
    presence.failed(StageKind.SPINE, failed.getCause().getMessage());
    throw new PipelineFailedException(stages.pipeline(), failed.getCause());
  }

  private Behavior<Command> onContractHolderStopped(Terminated terminated) {
    throw new PipelineFailedException(
        stages.pipeline(),
        new IllegalStateException(terminated.getRef().path().name() + " stopped"));
  }

  private Behavior<Command> onPostStop() {
    if (graph != null) {
      graph.killSwitch().shutdown();
    }
    directory.tell(new PipelineDirectory.Withdraw(stages.pipeline()));
    presence.goodbye(running());
    return this;
  }

  private void register() {
    // The socket file is the one of the version running when the sidecar starts, like the proxy's
    // settings.
    Optional<String> uds =
        stages
            .contract()
            .flatMap(ContractSlot::current)
            .map(active -> active.runtime().pipeline().sidecar().uds());
    directory.tell(
        new PipelineDirectory.Register(
            new PipelineDirectory.Ingress(
                stages.pipeline(),
                ingress,
                stages.counters(StageKind.SIDECAR),
                stages.contract().isPresent(),
                uds,
                stages.wal().<IngestLog>map(log -> log).orElse(IngestLog.NONE))));
  }

  /** Every stage runs once the graph does. */
  private List<StageKind> running() {
    return graph == null ? List.of() : List.of(StageKind.values());
  }

  /** The pipeline's graph stopped or failed; the whole pipeline restarts. */
  public static final class PipelineFailedException extends RuntimeException {
    PipelineFailedException(String pipeline, Throwable cause) {
      super("pipeline " + pipeline + " lost a stage: " + cause.getMessage(), cause);
    }
  }
}
