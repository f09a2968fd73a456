package dev.ben.actors.ledger;

import static dev.ben.actors.ledger.LedgerRefusal.answer;
import static dev.ben.actors.ledger.LedgerRefusal.answerLater;

import dev.ben.actors.LoggerNaming;
import dev.ben.actors.ledger.Ledger.Command;
import dev.ben.actors.orchestrator.Orchestrator;
import dev.ben.actors.orchestrator.PipelineExecutor;
import dev.ben.api.control.PipelineStatus;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.pattern.StatusReply;

/**
 * The ledger's behavior (its protocol is {@link Ledger}). Handlers delegate to plain classes: the
 * book for staging and lifecycle, {@link ActivationFlow} for activations, {@link LedgerReplies} for
 * what is answered. Each activation has one timer, started with it and cancelled once it is
 * settled; a deploy waiting for its outcome has another.
 */
final class LedgerActor extends AbstractBehavior<Command> {

  /** Messages the ledger sends itself. */
  sealed interface Internal extends Command {}

  private record Placed(
      Ledger.Deploy request,
      VersionPolicy.Activate decision,
      PipelineExecutor.Placement placement,
      Throwable failure,
      int attempt)
      implements Internal {}

  private record PlaceAgain(Ledger.Deploy request, VersionPolicy.Activate decision, int attempt)
      implements Internal {}

  /** What the orchestrator said runs (null: it did not answer in time), for the answer waiting. */
  private record TopologyArrived(
      Orchestrator.Topology topology, Consumer<Orchestrator.Topology> answer) implements Internal {}

  private record WaitOver(String pipeline, ActorRef<StatusReply<PipelineStatus>> replyTo)
      implements Internal {}

  /** The time of an activation is up; also the key of its timer. */
  private record DeadlinePassed(String pipeline, long version) implements Internal {}

  /**
   * Declare the pipelines to the orchestrator: read afresh after a header change, else as last
   * read.
   */
  private record Declare(boolean reread) implements Internal {}

  private final LedgerParts parts;
  private final LedgerReplies replies;
  private final TimerScheduler<Command> timers;

  static Behavior<Command> create(LedgerParts.Factory parts, Duration declareEvery) {
    return LoggerNaming.setup(
        Ledger.class,
        context ->
            Behaviors.withTimers(timers -> new LedgerActor(context, timers, parts, declareEvery)));
  }

  private LedgerActor(
      ActorContext<Command> context,
      TimerScheduler<Command> timers,
      LedgerParts.Factory factory,
      Duration declareEvery) {
    super(context);
    this.timers = timers;
    this.parts = factory.open(() -> context.getSelf().tell(new Declare(true)));
    this.replies = new LedgerReplies(parts);
    // Repeated so that a new orchestrator after failover learns the pipelines within one round.
    timers.startTimerWithFixedDelay(new Declare(false), declareEvery);
    context
        .getLog()
        .info("ledger started on {}; {}", context.getSystem().address(), parts.describe());
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Ledger.Stage.class, this::onStage)
        .onMessage(Ledger.Unstage.class, this::onUnstage)
        .onMessage(Ledger.Deploy.class, this::onDeploy)
        .onMessage(Placed.class, this::onPlaced)
        .onMessage(PlaceAgain.class, this::onPlaceAgain)
        .onMessage(Ledger.Status.class, this::onStatus)
        .onMessage(TopologyArrived.class, this::onTopologyArrived)
        .onMessage(WaitOver.class, this::onWaitOver)
        .onMessage(Ledger.Diff.class, this::onDiff)
        .onMessage(Ledger.ListPipelines.class, this::onList)
        .onMessage(Ledger.ChangeLifecycle.class, this::onLifecycle)
        .onMessage(Ledger.WhatToRun.class, this::onWhatToRun)
        .onMessage(Ledger.Pull.class, this::onPull)
        .onMessage(Ledger.Ack.class, this::onAck)
        .onMessage(Ledger.BundleOf.class, this::onBundleOf)
        .onMessage(DeadlinePassed.class, this::onDeadlinePassed)
        .onMessage(Declare.class, this::onDeclare)
        .onSignal(PostStop.class, this::onPostStop)
        .build();
  }

  private Behavior<Command> onStage(Ledger.Stage stage) {
    answer(stage.replyTo(), () -> parts.book.stage(stage.bundle(), stage.source()));
    return this;
  }

  private Behavior<Command> onUnstage(Ledger.Unstage unstage) {
    answer(
        unstage.replyTo(),
        () -> parts.book.unstage(unstage.pipeline(), unstage.version(), unstage.source()));
    return this;
  }

  private Behavior<Command> onDeploy(Ledger.Deploy deploy) {
    answerLater(
        deploy.replyTo(),
        () ->
            askPlacement(
                deploy,
                parts.flow.accept(deploy.pipeline(), deploy.version(), deploy.rollback()),
                1));
    return this;
  }

  private Behavior<Command> onPlaceAgain(PlaceAgain again) {
    askPlacement(again.request(), again.decision(), again.attempt());
    return this;
  }

  private void askPlacement(Ledger.Deploy deploy, VersionPolicy.Activate decision, int attempt) {
    getContext()
        .ask(
            PipelineExecutor.Placement.class,
            parts.orchestrator,
            parts.settings.orchestratorAskTimeout(),
            replyTo -> new Orchestrator.GetPlacement(deploy.pipeline(), replyTo),
            (placement, failure) -> new Placed(deploy, decision, placement, failure, attempt));
  }

  private Behavior<Command> onPlaced(Placed placed) {
    if (ActivationFlow.placeAgain(
        placed.placement(),
        placed.failure(),
        placed.attempt(),
        parts.settings.placementAttempts())) {
      timers.startSingleTimer(
          new PlaceAgain(placed.request(), placed.decision(), placed.attempt() + 1),
          parts.settings.placementRetryInterval());
    } else {
      answerLater(placed.request().replyTo(), () -> begin(placed));
    }
    return this;
  }

  private void begin(Placed placed) {
    Ledger.Deploy deploy = placed.request();
    String type = deploy.rollback() ? "rollback" : "deploy";
    ActivationRun run =
        parts.flow.begin(
            placed.decision(), placed.placement(), placed.failure(), type, deploy.source());
    var deadline = new DeadlinePassed(run.pipeline(), run.version());
    timers.startSingleTimer(deadline, deadline, parts.settings.activationTimeout());
    parts.inFlight.await(run.pipeline(), deploy.replyTo());
    timers.startSingleTimer(
        deploy.replyTo(),
        new WaitOver(run.pipeline(), deploy.replyTo()),
        Duration.ofMillis(Math.max(0, deploy.waitMillis())));
    settleIfDecided(run.pipeline());
  }

  private Behavior<Command> onStatus(Ledger.Status status) {
    answerLater(status.replyTo(), () -> replyWithStatusIfKnown(status));
    return this;
  }

  /** An unknown pipeline is refused at once, before the orchestrator is asked. */
  private void replyWithStatusIfKnown(Ledger.Status status) {
    parts.book.header(status.pipeline());
    replyWithStatus(status.pipeline(), status.history(), status.replyTo());
  }

  private Behavior<Command> onTopologyArrived(TopologyArrived arrived) {
    arrived.answer().accept(arrived.topology());
    return this;
  }

  private Behavior<Command> onWaitOver(WaitOver over) {
    if (parts.inFlight.stopWaiting(over.pipeline(), over.replyTo())) {
      replyWithStatus(over.pipeline(), false, over.replyTo());
    }
    return this;
  }

  private Behavior<Command> onDiff(Ledger.Diff diff) {
    answer(
        diff.replyTo(), () -> replies.diff(diff.pipeline(), diff.fromVersion(), diff.toVersion()));
    return this;
  }

  private Behavior<Command> onList(Ledger.ListPipelines list) {
    askTopology(topology -> answer(list.replyTo(), () -> replies.list(topology)));
    return this;
  }

  private Behavior<Command> onLifecycle(Ledger.ChangeLifecycle change) {
    answer(
        change.replyTo(),
        () -> replies.lifecycle(change.pipeline(), change.action(), change.source()));
    return this;
  }

  private Behavior<Command> onWhatToRun(Ledger.WhatToRun request) {
    try {
      request.replyTo().tell(replies.desired(request.pipeline(), request.componentId()));
    } catch (LedgerRefusal e) {
      getContext()
          .getLog()
          .warn("cannot tell {} what to run: {}", request.componentId(), e.getMessage());
    }
    return this;
  }

  private Behavior<Command> onPull(Ledger.Pull pull) {
    pull.replyTo().tell(replies.pull(pull.key(), getContext().getSystem()));
    return this;
  }

  private Behavior<Command> onBundleOf(Ledger.BundleOf request) {
    answer(request.replyTo(), () -> replies.bundleOf(request.pipeline(), request.version()));
    return this;
  }

  private Behavior<Command> onAck(Ledger.Ack ack) {
    parts.flow.ack(ack.componentId(), ack.pipeline(), ack.version());
    settleIfDecided(ack.pipeline());
    return this;
  }

  private Behavior<Command> onDeadlinePassed(DeadlinePassed deadline) {
    parts.flow.expire(deadline.pipeline(), deadline.version());
    settleIfDecided(deadline.pipeline());
    return this;
  }

  private Behavior<Command> onDeclare(Declare declare) {
    parts.orchestrator.tell(
        new Orchestrator.Declared(declare.reread() ? replies.declare() : replies.declared()));
    return this;
  }

  private Behavior<Command> onPostStop(PostStop signal) {
    parts.close();
    return this;
  }

  /** Once the activation is decided: its timer is cancelled and its waiting deploys answered. */
  private void settleIfDecided(String pipeline) {
    parts.flow.settleIfDecided(pipeline).ifPresent(this::settled);
  }

  private void settled(ActivationRun run) {
    timers.cancel(new DeadlinePassed(run.pipeline(), run.version()));
    getContext()
        .getLog()
        .info("activation of {} v{}: {}", run.pipeline(), run.version(), run.tally().state());
    for (ActorRef<StatusReply<PipelineStatus>> waiter : parts.inFlight.waiters(run.pipeline())) {
      timers.cancel(waiter);
      replyWithStatus(run.pipeline(), false, waiter);
    }
  }

  /** Status needs the orchestrator's topology for the components; asked first, answered after. */
  private void replyWithStatus(
      String pipeline, boolean history, ActorRef<StatusReply<PipelineStatus>> replyTo) {
    askTopology(topology -> answer(replyTo, () -> replies.status(pipeline, history, topology)));
  }

  /** Asks the orchestrator what runs; no topology when it does not answer in time. */
  private void askTopology(Consumer<Orchestrator.Topology> answer) {
    getContext()
        .ask(
            Orchestrator.Topology.class,
            parts.orchestrator,
            parts.settings.orchestratorAskTimeout(),
            Orchestrator.GetTopology::new,
            (topology, failure) -> new TopologyArrived(failure == null ? topology : null, answer));
  }
}
