package dev.ben.actors.pipeline;

import dev.ben.actors.NodeLocal;
import dev.ben.actors.orchestrator.Orchestrator;
import dev.ben.streams.flow.Envelope;
import java.util.ArrayList;
import java.util.List;
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
import org.apache.pekko.stream.javadsl.Sink;

/**
 * Runs one pipeline's data path on this node. Stages start one at a time from the store backwards; the pipeline
 * is registered for ingest only when the sidecar, the last one, runs. The stages form one chain, so if any stage
 * stops or fails the supervisor fails too and its parent restarts the whole pipeline with backoff (the restart
 * stops the remaining stages first).
 */
public final class PipelineSupervisor extends AbstractBehavior<PipelineSupervisor.Command> {

  public sealed interface Command extends NodeLocal {}

  private record StageReady(StageActor.Ready ready) implements Command {}

  private enum HelloTick implements Command { INSTANCE }

  private final String pipeline;
  private final PipelineStages stages;
  private final ActorRef<PipelineDirectory.Command> directory;
  private final ActorRef<Orchestrator.Command> orchestrator;
  private final String node;
  private final ActorRef<StageActor.Ready> readyAdapter;
  private final List<StageKind> running = new ArrayList<>();

  public static Behavior<Command> create(
      String pipeline,
      PipelineStages stages,
      ActorRef<PipelineDirectory.Command> directory,
      ActorRef<Orchestrator.Command> orchestrator) {
    return Behaviors.setup(context -> Behaviors.withTimers(
        timers -> new PipelineSupervisor(context, timers, pipeline, stages, directory, orchestrator)));
  }

  private PipelineSupervisor(
      ActorContext<Command> context,
      TimerScheduler<Command> timers,
      String pipeline,
      PipelineStages stages,
      ActorRef<PipelineDirectory.Command> directory,
      ActorRef<Orchestrator.Command> orchestrator) {
    super(context);
    this.pipeline = pipeline;
    this.stages = stages;
    this.directory = directory;
    this.orchestrator = orchestrator;
    this.node = context.getSystem().address().toString();
    this.readyAdapter = context.messageAdapter(StageActor.Ready.class, StageReady::new);
    timers.startTimerWithFixedDelay(HelloTick.INSTANCE, Orchestrator.HELLO_INTERVAL);
    startStage(StageKind.START_ORDER.get(0), Sink.<Envelope>ignore().mapMaterializedValue(done -> NotUsed.getInstance()));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(StageReady.class, this::onStageReady)
        .onMessageEquals(HelloTick.INSTANCE, this::onHelloTick)
        .onSignal(ChildFailed.class, this::onStageFailed)
        .onSignal(Terminated.class, this::onStageStopped)
        .onSignal(PreRestart.class, signal -> onPostStop())
        .onSignal(PostStop.class, signal -> onPostStop())
        .build();
  }

  private Behavior<Command> onStageReady(StageReady message) {
    StageKind kind = message.ready().kind();
    running.add(kind);
    int next = StageKind.START_ORDER.indexOf(kind) + 1;
    if (next < StageKind.START_ORDER.size()) {
      startStage(StageKind.START_ORDER.get(next), message.ready().ingress());
    } else {
      directory.tell(new PipelineDirectory.Register(new PipelineDirectory.Ingress(
          pipeline, message.ready().ingress(), stages.counters(StageKind.SIDECAR))));
      getContext().getLog().info("pipeline {} is running: {}", pipeline, running);
    }
    sayHello(kind);
    return this;
  }

  private Behavior<Command> onHelloTick() {
    running.forEach(this::sayHello);
    return this;
  }

  private Behavior<Command> onStageFailed(ChildFailed failed) {
    throw new PipelineFailedException(pipeline, failed.getCause());
  }

  private Behavior<Command> onStageStopped(Terminated terminated) {
    throw new PipelineFailedException(pipeline,
        new IllegalStateException("stage " + terminated.getRef().path().name() + " stopped"));
  }

  private Behavior<Command> onPostStop() {
    directory.tell(new PipelineDirectory.Withdraw(pipeline));
    running.forEach(kind -> orchestrator.tell(new Orchestrator.ComponentGoodbye(componentId(kind))));
    return this;
  }

  private void startStage(StageKind kind, Sink<Envelope, NotUsed> downstream) {
    ActorRef<StageActor.Command> stage =
        getContext().spawn(StageActor.create(kind, stages.body(kind, downstream), readyAdapter), kind.label());
    getContext().watch(stage);
  }

  private void sayHello(StageKind kind) {
    orchestrator.tell(new Orchestrator.ComponentHello(componentId(kind), kind.label(), pipeline, node));
  }

  private String componentId(StageKind kind) {
    return pipeline + "/" + kind.label() + "@" + node;
  }

  /** A stage of the pipeline stopped or failed; the whole pipeline restarts. */
  public static final class PipelineFailedException extends RuntimeException {
    PipelineFailedException(String pipeline, Throwable cause) {
      super("pipeline " + pipeline + " lost a stage: " + cause.getMessage(), cause);
    }
  }
}
