package dev.ben.actors.orchestrator;

import dev.ben.actors.ClusterSerializable;
import dev.ben.actors.LoggerNaming;
import dev.ben.config.OrchestratorSettings;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * The cluster-singleton orchestrator: owns topology and liveness only (docs/architecture.md,
 * orchestrator singleton). It learns what runs from the hellos components keep sending and what
 * should run from the pipelines the ledger declares, and reconciles the two through its executor on
 * every change and every round. It persists nothing: after a failover the next incarnation rebuilds
 * both from fresh hellos and the ledger's next declaration, while running components go on.
 */
public final class Orchestrator extends AbstractBehavior<Orchestrator.Command> {

  /** Hellos a component may miss before the orchestrator considers it gone. */
  private static final int MISSED_HELLOS = 3;

  public sealed interface Command extends ClusterSerializable {}

  /** Presence: repeatable, and carried by the {@link HelloPlane}. */
  public sealed interface Presence extends Command {}

  /**
   * A component announcing (or re-announcing) itself, with the contract version it runs (0 when it
   * holds none) and whether its pipeline is the ledger's ({@code managed}) or the node's own
   * configuration's.
   */
  public record ComponentHello(
      String componentId,
      String kind,
      String pipeline,
      String node,
      long contractVersion,
      boolean managed)
      implements Presence {}

  /** A component stopping on purpose. */
  public record ComponentGoodbye(String componentId) implements Presence {}

  /**
   * A component reporting a failure, straight to the orchestrator (health never travels on NATS).
   */
  public record ComponentHealth(String componentId, String problem) implements Command {}

  /**
   * A component's event counts by outcome, sent straight to the orchestrator with each hello round.
   */
  public record ComponentCounts(String componentId, java.util.Map<String, Long> counts)
      implements Command {}

  public record GetTopology(ActorRef<Topology> replyTo) implements Command {}

  /** What the orchestrator currently believes runs. */
  public record Topology(List<ComponentTable.Entry> components) implements ClusterSerializable {}

  /** Which components must acknowledge a version of the pipeline (asked by the ledger). */
  public record GetPlacement(String pipeline, ActorRef<PipelineExecutor.Placement> replyTo)
      implements Command {}

  /** Every pipeline the ledger declares, complete (so a missing one is one to stop). */
  public record Declared(List<PipelineIntent> pipelines) implements Command {}

  private enum Tick implements Command {
    INSTANCE
  }

  private final ComponentTable table;
  private final Reconciler reconciler = new Reconciler();
  private final ActorRef<PipelineExecutor.Command> executor;
  private final AutoCloseable presence;

  public static Behavior<Command> create(
      Behavior<PipelineExecutor.Command> executor,
      HelloPlane hellos,
      OrchestratorSettings settings) {
    return LoggerNaming.setup(
        Orchestrator.class,
        context ->
            Behaviors.withTimers(
                timers -> new Orchestrator(context, timers, executor, hellos, settings)));
  }

  private Orchestrator(
      ActorContext<Command> context,
      TimerScheduler<Command> timers,
      Behavior<PipelineExecutor.Command> executor,
      HelloPlane hellos,
      OrchestratorSettings settings) {
    super(context);
    this.table =
        new ComponentTable(
            settings.helloInterval().multipliedBy(MISSED_HELLOS).toMillis(),
            settings.failureMemory().toMillis());
    this.executor = context.spawn(executor, "executor");
    this.presence = hellos.deliverTo(context.getSelf());
    timers.startTimerWithFixedDelay(Tick.INSTANCE, settings.helloInterval());
    context.getLog().info("orchestrator started on {}", context.getSystem().address());
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(ComponentHello.class, this::onHello)
        .onMessage(ComponentGoodbye.class, this::onGoodbye)
        .onMessage(ComponentHealth.class, this::onHealth)
        .onMessage(ComponentCounts.class, this::onCounts)
        .onMessage(GetTopology.class, this::onGetTopology)
        .onMessage(GetPlacement.class, this::onGetPlacement)
        .onMessage(Declared.class, this::onDeclared)
        .onMessageEquals(Tick.INSTANCE, this::onTick)
        .onSignal(PostStop.class, signal -> onPostStop())
        .build();
  }

  private Behavior<Command> onHello(ComponentHello hello) {
    if (table.hello(hello, System.currentTimeMillis())) {
      getContext()
          .getLog()
          .info(
              "component {} ({} of pipeline {}, contract v{}) is running on {}",
              hello.componentId(),
              hello.kind(),
              hello.pipeline(),
              hello.contractVersion(),
              hello.node());
    }
    return this;
  }

  private Behavior<Command> onGoodbye(ComponentGoodbye goodbye) {
    table.remove(goodbye.componentId());
    return this;
  }

  private Behavior<Command> onHealth(ComponentHealth health) {
    getContext()
        .getLog()
        .warn(
            "component {} failed and is being restarted: {}",
            health.componentId(),
            health.problem());
    table.failed(health.componentId(), health.problem(), System.currentTimeMillis());
    return this;
  }

  private Behavior<Command> onCounts(ComponentCounts counts) {
    table.counts(counts.componentId(), counts.counts());
    return this;
  }

  private Behavior<Command> onGetTopology(GetTopology request) {
    request.replyTo().tell(new Topology(table.snapshot()));
    return this;
  }

  private Behavior<Command> onGetPlacement(GetPlacement request) {
    executor.tell(new PipelineExecutor.Place(request.pipeline(), request.replyTo()));
    return this;
  }

  private Behavior<Command> onDeclared(Declared declared) {
    reconciler.declared(declared.pipelines());
    reconcile();
    return this;
  }

  private Behavior<Command> onTick() {
    table
        .expire(System.currentTimeMillis())
        .forEach(
            id ->
                getContext()
                    .getLog()
                    .warn("component {} stopped sending hellos; considered gone", id));
    reconcile();
    return this;
  }

  private Behavior<Command> onPostStop() {
    try {
      presence.close();
    } catch (Exception e) {
      getContext().getLog().warn("closing the presence delivery failed: {}", e.getMessage());
    }
    return this;
  }

  private void reconcile() {
    reconciler
        .intents(table.snapshot())
        .forEach(intent -> executor.tell(new PipelineExecutor.Ensure(intent)));
  }
}
