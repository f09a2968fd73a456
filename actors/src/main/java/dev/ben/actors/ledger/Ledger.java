package dev.ben.actors.ledger;

import static dev.ben.actors.ledger.LedgerAnswer.answer;

import dev.ben.actors.ClusterSerializable;
import dev.ben.actors.orchestrator.Orchestrator;
import dev.ben.actors.orchestrator.PipelineExecutor;
import dev.ben.api.control.LifecycleAction;
import dev.ben.streams.access.ArtifactKey;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.stream.SourceRef;
import org.apache.pekko.util.ByteString;

/**
 * The ledger, a cluster singleton on the orchestrator role: the versioned registry of intent and
 * the recovery anchor (docs/architecture.md, ledger). It serves the control API (for the gRPC
 * service), runs activations (publish the version's key, count acks, decide), answers components
 * asking what to run and serves their pulls, and declares the pipelines to the orchestrator from
 * its store's header watch. Everything durable is in the {@code LedgerStore}.
 */
public final class Ledger extends AbstractBehavior<Ledger.Command> {

  public sealed interface Command extends ClusterSerializable {}

  public record Stage(byte[] bundle, String source, ActorRef<LedgerAnswer> replyTo)
      implements Command {}

  public record Unstage(
      String pipeline, long version, String source, ActorRef<LedgerAnswer> replyTo)
      implements Command {}

  /**
   * Deploy ({@code version} 0: the newest staged) or roll back; the reply waits up to {@code
   * waitMillis}.
   */
  public record Deploy(
      String pipeline,
      long version,
      boolean rollback,
      long waitMillis,
      String source,
      ActorRef<LedgerAnswer> replyTo)
      implements Command {}

  public record Status(String pipeline, boolean history, ActorRef<LedgerAnswer> replyTo)
      implements Command {}

  /** Both versions 0: the active version against the newest staged one. */
  public record Diff(
      String pipeline, long fromVersion, long toVersion, ActorRef<LedgerAnswer> replyTo)
      implements Command {}

  public record ListPipelines(ActorRef<LedgerAnswer> replyTo) implements Command {}

  public record ChangeLifecycle(
      String pipeline, LifecycleAction action, String source, ActorRef<LedgerAnswer> replyTo)
      implements Command {}

  /**
   * A component asking which version it should run (at start, and again now and then in case a
   * notice was lost).
   */
  public record WhatToRun(String pipeline, String componentId, ActorRef<Desired> replyTo)
      implements Command {}

  /**
   * The version to run (empty: none), and whether the activation under way still waits for this
   * component.
   */
  public record Desired(String pipeline, Optional<ContractNotice> notice, boolean awaitingAck)
      implements ClusterSerializable {}

  /** A component pulling a version's bundle from store access. */
  public record Pull(ArtifactKey key, ActorRef<Artifact> replyTo) implements Command {}

  /** The bundle's bytes as a pull-only stream, or why not. */
  public record Artifact(ArtifactKey key, SourceRef<ByteString> bytes, String refusal)
      implements ClusterSerializable {}

  /** A component reporting it swapped to {@code version}. */
  public record Ack(String componentId, String pipeline, long version) implements Command {}

  private record Placed(
      Deploy request,
      VersionPolicy.Activate decision,
      PipelineExecutor.Placement placement,
      Throwable failure,
      int attempt)
      implements Command {}

  private record PlaceAgain(Deploy request, VersionPolicy.Activate decision, int attempt)
      implements Command {}

  private record Reply(
      String pipeline,
      boolean history,
      Orchestrator.Topology topology,
      ActorRef<LedgerAnswer> replyTo)
      implements Command {}

  private record ListReply(Orchestrator.Topology topology, ActorRef<LedgerAnswer> replyTo)
      implements Command {}

  private record WaitOver(String pipeline, ActorRef<LedgerAnswer> replyTo) implements Command {}

  /**
   * Declare the pipelines to the orchestrator: read afresh after a header change, else as last
   * read.
   */
  private record Declare(boolean reread) implements Command {}

  private enum Tick implements Command {
    INSTANCE
  }

  private static final Duration TICK = Duration.ofMillis(100);
  private static final Duration ASK_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration PLACE_RETRY = Duration.ofMillis(200);
  private static final int PLACE_TRIES = 25;

  private final LedgerParts parts;
  private final LedgerReplies replies;
  private final TimerScheduler<Command> timers;

  public static Behavior<Command> create(LedgerParts.Factory parts) {
    return Behaviors.setup(
        context -> Behaviors.withTimers(timers -> new Ledger(context, timers, parts)));
  }

  private Ledger(
      ActorContext<Command> context, TimerScheduler<Command> timers, LedgerParts.Factory factory) {
    super(context);
    // Timers may log first, from a stack with no class of ours; name the logger so it is not
    // Pekko's ActorCell.
    context.setLoggerName(Ledger.class);
    this.timers = timers;
    this.parts = factory.open(() -> context.getSelf().tell(new Declare(true)));
    this.replies = new LedgerReplies(parts);
    timers.startTimerWithFixedDelay(Tick.INSTANCE, TICK);
    // Repeated so that a new orchestrator after failover learns the pipelines within one round.
    timers.startTimerWithFixedDelay(new Declare(false), Orchestrator.HELLO_INTERVAL);
    context
        .getLog()
        .info("ledger started on {}; {}", context.getSystem().address(), parts.describe());
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Stage.class, this::onStage)
        .onMessage(Unstage.class, this::onUnstage)
        .onMessage(Deploy.class, this::onDeploy)
        .onMessage(Placed.class, this::onPlaced)
        .onMessage(
            PlaceAgain.class,
            again -> askPlacement(again.request(), again.decision(), again.attempt()))
        .onMessage(Status.class, this::onStatus)
        .onMessage(Reply.class, this::onReply)
        .onMessage(WaitOver.class, this::onWaitOver)
        .onMessage(Diff.class, this::onDiff)
        .onMessage(ListPipelines.class, this::onList)
        .onMessage(ListReply.class, this::onListReply)
        .onMessage(ChangeLifecycle.class, this::onLifecycle)
        .onMessage(WhatToRun.class, this::onWhatToRun)
        .onMessage(Pull.class, this::onPull)
        .onMessage(Ack.class, this::onAck)
        .onMessage(Declare.class, this::onDeclare)
        .onMessageEquals(Tick.INSTANCE, this::onTick)
        .onSignal(PostStop.class, signal -> closed())
        .build();
  }

  private Behavior<Command> onStage(Stage stage) {
    answer(
        stage.replyTo(), () -> LedgerAnswer.of(parts.book.stage(stage.bundle(), stage.source())));
    return this;
  }

  private Behavior<Command> onUnstage(Unstage unstage) {
    answer(
        unstage.replyTo(),
        () ->
            LedgerAnswer.of(
                parts.book.unstage(unstage.pipeline(), unstage.version(), unstage.source())));
    return this;
  }

  private Behavior<Command> onDeploy(Deploy deploy) {
    answer(
        deploy.replyTo(),
        () -> {
          VersionPolicy.Activate decision =
              deploy.rollback()
                  ? parts.activations.decideRollback(deploy.pipeline())
                  : parts.activations.decideDeploy(
                      deploy.pipeline(),
                      deploy.version() == 0
                          ? OptionalLong.empty()
                          : OptionalLong.of(deploy.version()));
          if (!parts.running.reserve(deploy.pipeline())) {
            throw new LedgerRefusal(
                LedgerRefusal.Kind.CONFLICT,
                "an activation of "
                    + deploy.pipeline()
                    + " is already starting; wait for it (`benctl status "
                    + deploy.pipeline()
                    + "`)");
          }
          askPlacement(deploy, decision, 1);
          return null;
        });
    return this;
  }

  private Behavior<Command> askPlacement(
      Deploy deploy, VersionPolicy.Activate decision, int attempt) {
    getContext()
        .ask(
            PipelineExecutor.Placement.class,
            parts.orchestrator,
            ASK_TIMEOUT,
            replyTo -> new Orchestrator.GetPlacement(deploy.pipeline(), replyTo),
            (placement, failure) -> new Placed(deploy, decision, placement, failure, attempt));
    return this;
  }

  private Behavior<Command> onPlaced(Placed placed) {
    Deploy deploy = placed.request();
    if (placed.failure() == null
        && placed.placement().components().isEmpty()
        && placed.attempt() < PLACE_TRIES) {
      // A host that just started may not be listed yet: ask again for a few seconds before
      // refusing.
      timers.startSingleTimer(
          new PlaceAgain(deploy, placed.decision(), placed.attempt() + 1), PLACE_RETRY);
      return this;
    }
    parts.running.release(deploy.pipeline());
    answer(
        deploy.replyTo(),
        () -> {
          var required =
              LedgerReplies.required(deploy.pipeline(), placed.placement(), placed.failure());
          var begun =
              parts.activations.begin(
                  placed.decision(),
                  required,
                  deploy.rollback() ? "rollback" : "deploy",
                  deploy.source());
          parts.running.started(begun);
          parts.notices.publish(begun.notice());
          parts.running.await(deploy.pipeline(), deploy.replyTo());
          timers.startSingleTimer(
              deploy.replyTo(),
              new WaitOver(deploy.pipeline(), deploy.replyTo()),
              Duration.ofMillis(Math.max(0, deploy.waitMillis())));
          settleIfDecided(deploy.pipeline());
          return null;
        });
    return this;
  }

  private Behavior<Command> onStatus(Status status) {
    answer(
        status.replyTo(),
        () -> {
          parts.book.header(status.pipeline());
          replyWithStatus(status.pipeline(), status.history(), status.replyTo());
          return null;
        });
    return this;
  }

  private Behavior<Command> onReply(Reply reply) {
    answer(
        reply.replyTo(),
        () -> LedgerAnswer.of(replies.status(reply.pipeline(), reply.history(), reply.topology())));
    return this;
  }

  private Behavior<Command> onWaitOver(WaitOver over) {
    if (parts.running.stopWaiting(over.pipeline(), over.replyTo())) {
      replyWithStatus(over.pipeline(), false, over.replyTo());
    }
    return this;
  }

  private Behavior<Command> onDiff(Diff diff) {
    answer(
        diff.replyTo(),
        () -> LedgerAnswer.of(replies.diff(diff.pipeline(), diff.fromVersion(), diff.toVersion())));
    return this;
  }

  private Behavior<Command> onList(ListPipelines list) {
    getContext()
        .ask(
            Orchestrator.Topology.class,
            parts.orchestrator,
            ASK_TIMEOUT,
            Orchestrator.GetTopology::new,
            (topology, failure) ->
                new ListReply(failure == null ? topology : null, list.replyTo()));
    return this;
  }

  private Behavior<Command> onListReply(ListReply reply) {
    answer(reply.replyTo(), () -> LedgerAnswer.of(replies.list(reply.topology())));
    return this;
  }

  private Behavior<Command> onLifecycle(ChangeLifecycle change) {
    answer(
        change.replyTo(),
        () ->
            LedgerAnswer.of(
                replies.lifecycle(change.pipeline(), change.action(), change.source())));
    return this;
  }

  private Behavior<Command> onWhatToRun(WhatToRun request) {
    try {
      request.replyTo().tell(replies.desired(request.pipeline(), request.componentId()));
    } catch (LedgerRefusal e) {
      getContext()
          .getLog()
          .warn("cannot tell {} what to run: {}", request.componentId(), e.getMessage());
    }
    return this;
  }

  private Behavior<Command> onPull(Pull pull) {
    pull.replyTo().tell(replies.pull(pull.key(), getContext().getSystem()));
    return this;
  }

  private Behavior<Command> onAck(Ack ack) {
    parts
        .running
        .running(ack.pipeline())
        .ifPresent(
            begun -> {
              parts.activations.ack(begun, ack.componentId(), ack.version());
              settleIfDecided(ack.pipeline());
            });
    return this;
  }

  private Behavior<Command> onDeclare(Declare declare) {
    parts.orchestrator.tell(
        new Orchestrator.Declared(declare.reread() ? replies.declare() : replies.declared()));
    return this;
  }

  private Behavior<Command> closed() {
    parts.close();
    return this;
  }

  private Behavior<Command> onTick() {
    long now = System.currentTimeMillis();
    for (String pipeline : parts.running.runningPipelines()) {
      parts.running.running(pipeline).ifPresent(begun -> begun.protocol().tick(now));
      settleIfDecided(pipeline);
    }
    return this;
  }

  private void settleIfDecided(String pipeline) {
    var begun = parts.running.running(pipeline).orElse(null);
    if (begun == null || begun.protocol().state() == ActivationProtocol.State.ACTIVATING) {
      return;
    }
    parts.running.finished(pipeline);
    parts.activations.settle(begun).ifPresent(parts.notices::publish);
    getContext()
        .getLog()
        .info(
            "activation of {} v{}: {}",
            pipeline,
            begun.protocol().version(),
            begun.protocol().state());
    for (ActorRef<LedgerAnswer> waiter : parts.running.waiters(pipeline)) {
      timers.cancel(waiter);
      replyWithStatus(pipeline, false, waiter);
    }
  }

  /**
   * Status needs the orchestrator's topology for the components; asked first, then answered from
   * {@link Reply}.
   */
  private void replyWithStatus(String pipeline, boolean history, ActorRef<LedgerAnswer> replyTo) {
    getContext()
        .ask(
            Orchestrator.Topology.class,
            parts.orchestrator,
            ASK_TIMEOUT,
            Orchestrator.GetTopology::new,
            (topology, failure) ->
                new Reply(pipeline, history, failure == null ? topology : null, replyTo));
  }
}
