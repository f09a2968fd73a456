package dev.ben.actors.pipeline;

import dev.ben.actors.LoggerNaming;
import dev.ben.actors.NodeLocal;
import dev.ben.actors.contract.ContractHolder;
import dev.ben.actors.contract.ContractSources;
import dev.ben.actors.orchestrator.ComponentIds;
import dev.ben.actors.orchestrator.HelloPlane;
import dev.ben.actors.orchestrator.Orchestrator;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.spine.ContractSlot;
import dev.ben.streams.wal.IngestLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * Runs one pipeline's data path on this node. A pipeline of the ledger first loads its contract
 * version (through its {@link ContractHolder}); then stages start one at a time from the store
 * backwards, and the pipeline is registered for ingest only when the sidecar, the last one, runs
 * and the events its ingest log still held (a crash left them unsettled) are fed back in. Paused,
 * it withdraws from ingest but keeps its stages and their state. The stages form one chain, so if
 * any stage stops or fails the supervisor fails too and its parent restarts the whole pipeline with
 * backoff (the restart stops the remaining stages first).
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

  private record StageReady(StageActor.Ready ready) implements Command {}

  private record Replayed(Sink<Envelope, NotUsed> ingress, Long events, Throwable failure)
      implements Command {}

  private record ContractSwapped(ContractHolder.Swapped swapped) implements Command {}

  private enum HelloTick implements Command {
    INSTANCE
  }

  private final PipelineStages stages;
  private final ActorRef<PipelineDirectory.Command> directory;
  private final HelloPlane hellos;
  private final ActorRef<Orchestrator.Command> orchestrator;
  private final boolean managed;
  private final String node;
  private final ActorRef<StageActor.Ready> readyAdapter;
  private final List<StageKind> running = new ArrayList<>();
  private Sink<Envelope, NotUsed> ingress;
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
    this.hellos = hellos;
    this.orchestrator = orchestrator;
    this.managed = contracts.isPresent();
    this.node = context.getSystem().address().toString();
    this.readyAdapter = context.messageAdapter(StageActor.Ready.class, StageReady::new);
    timers.startTimerWithFixedDelay(
        HelloTick.INSTANCE, stages.settings().orchestrator().helloInterval());
    if (contracts.isPresent() && stages.contract().isPresent()) {
      context.watch(
          context.spawn(
              ContractHolder.create(
                  stages.contract().get(),
                  componentId(StageKind.SPINE),
                  contracts.get(),
                  stages.settings().node(),
                  context.messageAdapter(ContractHolder.Swapped.class, ContractSwapped::new)),
              "contract"));
    } else {
      startFirstStage();
    }
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(ContractSwapped.class, this::onContractSwapped)
        .onMessage(StageReady.class, this::onStageReady)
        .onMessage(Replayed.class, this::onReplayed)
        .onMessageEquals(Pause.INSTANCE, this::onPause)
        .onMessageEquals(Resume.INSTANCE, this::onResume)
        .onMessageEquals(HelloTick.INSTANCE, this::onHelloTick)
        .onSignal(ChildFailed.class, this::onStageFailed)
        .onSignal(Terminated.class, this::onStageStopped)
        .onSignal(PreRestart.class, signal -> onPostStop())
        .onSignal(PostStop.class, signal -> onPostStop())
        .build();
  }

  private Behavior<Command> onContractSwapped(ContractSwapped swapped) {
    if (running.isEmpty()) {
      startFirstStage();
    }
    running.forEach(this::sayHello);
    return this;
  }

  private Behavior<Command> onStageReady(StageReady message) {
    StageKind kind = message.ready().kind();
    running.add(kind);
    int next = StageKind.START_ORDER.indexOf(kind) + 1;
    if (next < StageKind.START_ORDER.size()) {
      startStage(StageKind.START_ORDER.get(next), message.ready().ingress());
    } else {
      Sink<Envelope, NotUsed> sidecar = message.ready().ingress();
      getContext()
          .pipeToSelf(
              stages.replay(sidecar, Materializer.matFromSystem(getContext().getSystem())),
              (events, failure) -> new Replayed(sidecar, events, failure));
    }
    sayHello(kind);
    return this;
  }

  private Behavior<Command> onReplayed(Replayed replayed) {
    if (replayed.failure() != null) {
      throw new PipelineFailedException(stages.pipeline(), replayed.failure());
    }
    getContext()
        .getLog()
        .info(
            "pipeline {} found on disk as it started: {}",
            stages.pipeline(),
            stages.recovered(replayed.events()));
    ingress = replayed.ingress();
    if (!paused) {
      register();
    }
    getContext().getLog().info("pipeline {} is running: {}", stages.pipeline(), running);
    return this;
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
    running.forEach(this::sayHello);
    // Counts are telemetry: they go straight to the orchestrator, never on the presence plane
    // (NATS).
    running.forEach(this::reportCounts);
    return this;
  }

  private void reportCounts(StageKind kind) {
    orchestrator.tell(
        new Orchestrator.ComponentCounts(componentId(kind), stages.counters(kind).totals()));
  }

  private Behavior<Command> onStageFailed(ChildFailed failed) {
    String child = failed.getRef().path().name();
    String kind = child.equals("contract") ? StageKind.SPINE.label() : child;
    orchestrator.tell(
        new Orchestrator.ComponentHealth(
            ComponentIds.of(stages.pipeline(), kind, node), failed.getCause().getMessage()));
    throw new PipelineFailedException(stages.pipeline(), failed.getCause());
  }

  private Behavior<Command> onStageStopped(Terminated terminated) {
    throw new PipelineFailedException(
        stages.pipeline(),
        new IllegalStateException(terminated.getRef().path().name() + " stopped"));
  }

  private Behavior<Command> onPostStop() {
    directory.tell(new PipelineDirectory.Withdraw(stages.pipeline()));
    running.forEach(kind -> hellos.send(new Orchestrator.ComponentGoodbye(componentId(kind))));
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

  private void startFirstStage() {
    startStage(
        StageKind.START_ORDER.get(0),
        Sink.<Envelope>ignore().mapMaterializedValue(done -> NotUsed.getInstance()));
  }

  private void startStage(StageKind kind, Sink<Envelope, NotUsed> downstream) {
    ActorRef<StageActor.Command> stage =
        getContext()
            .spawn(
                StageActor.create(
                    kind, stages.body(kind, downstream), stages.coalescing(kind), readyAdapter),
                kind.label());
    getContext().watch(stage);
  }

  private void sayHello(StageKind kind) {
    long version =
        kind == StageKind.SPINE ? stages.contract().map(slot -> slot.version()).orElse(0L) : 0;
    hellos.send(
        new Orchestrator.ComponentHello(
            componentId(kind), kind.label(), stages.pipeline(), node, version, managed));
  }

  private String componentId(StageKind kind) {
    return ComponentIds.of(stages.pipeline(), kind.label(), node);
  }

  /** A stage of the pipeline stopped or failed; the whole pipeline restarts. */
  public static final class PipelineFailedException extends RuntimeException {
    PipelineFailedException(String pipeline, Throwable cause) {
      super("pipeline " + pipeline + " lost a stage: " + cause.getMessage(), cause);
    }
  }
}
