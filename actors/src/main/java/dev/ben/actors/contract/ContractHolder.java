package dev.ben.actors.contract;

import dev.ben.actors.LoggerNaming;
import dev.ben.actors.NodeLocal;
import dev.ben.actors.ledger.ContractNotice;
import dev.ben.actors.ledger.Ledger;
import dev.ben.config.NodeSettings;
import dev.ben.streams.spine.ActiveContract;
import dev.ben.streams.spine.ContractSlot;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.util.ByteString;

/**
 * Keeps one pipeline's contract slot on this node at the version the ledger wants
 * (docs/architecture.md, the control plane). It hears of versions from notices and by asking the
 * ledger every {@code ben.node.contract-poll-interval} (so a lost notice only delays), pulls the
 * bundle, loads it off the actor, swaps the slot in one write and only then acknowledges, under the
 * id of the component that evaluates with the slot. Versions wanted while one loads are loaded
 * next; the newest wins.
 */
public final class ContractHolder extends AbstractBehavior<ContractHolder.Command> {

  public sealed interface Command extends NodeLocal {}

  /** Told to the parent after every swap. */
  public record Swapped(long version) implements NodeLocal {}

  private record Noticed(ContractNotice notice) implements Command {}

  private record Answered(Ledger.Desired desired) implements Command {}

  private record Pulled(ContractNotice notice, Ledger.Artifact artifact, Throwable failure)
      implements Command {}

  private record Loaded(ContractNotice notice, ActiveContract active, Throwable failure)
      implements Command {}

  private enum Poll implements Command {
    INSTANCE
  }

  private enum Ignore implements Command {
    INSTANCE
  }

  private final ContractSlot slot;
  private final String componentId;
  private final ContractSources sources;
  private final ActorRef<Swapped> parent;
  private final Duration askTimeout;
  private final AutoCloseable subscription;
  private ContractNotice wanted;
  private ContractNotice loading;

  /**
   * @param node the node's settings: how long asks of the ledger wait, and how often it is asked
   */
  public static Behavior<Command> create(
      ContractSlot slot,
      String componentId,
      ContractSources sources,
      NodeSettings node,
      ActorRef<Swapped> parent) {
    return LoggerNaming.setup(
        ContractHolder.class,
        context ->
            Behaviors.withTimers(
                timers ->
                    new ContractHolder(context, timers, slot, componentId, sources, node, parent)));
  }

  private ContractHolder(
      ActorContext<Command> context,
      TimerScheduler<Command> timers,
      ContractSlot slot,
      String componentId,
      ContractSources sources,
      NodeSettings node,
      ActorRef<Swapped> parent) {
    super(context);
    this.slot = slot;
    this.componentId = componentId;
    this.sources = sources;
    this.parent = parent;
    this.askTimeout = node.askTimeout();
    this.subscription =
        sources.notices().subscribe(context.messageAdapter(ContractNotice.class, Noticed::new));
    timers.startTimerWithFixedDelay(Poll.INSTANCE, Duration.ZERO, node.contractPollInterval());
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Noticed.class, this::onNoticed)
        .onMessageEquals(Poll.INSTANCE, this::onPoll)
        .onMessage(Answered.class, this::onAnswered)
        .onMessage(Pulled.class, this::onPulled)
        .onMessage(Loaded.class, this::onLoaded)
        .onMessageEquals(Ignore.INSTANCE, () -> this)
        .onSignal(PostStop.class, signal -> onPostStop())
        .build();
  }

  private Behavior<Command> onNoticed(Noticed noticed) {
    return onWanted(noticed.notice(), false);
  }

  private Behavior<Command> onPoll() {
    getContext()
        .ask(
            Ledger.Desired.class,
            sources.ledger(),
            askTimeout,
            replyTo -> new Ledger.WhatToRun(slot.pipeline(), componentId, replyTo),
            (desired, failure) -> failure == null ? new Answered(desired) : Ignore.INSTANCE);
    return this;
  }

  private Behavior<Command> onAnswered(Answered answered) {
    answered
        .desired()
        .notice()
        .ifPresent(notice -> onWanted(notice, answered.desired().awaitingAck()));
    return this;
  }

  /**
   * A version is wanted; load it unless it runs already (then re-acknowledge if the ledger still
   * waits).
   */
  private Behavior<Command> onWanted(ContractNotice notice, boolean awaitingAck) {
    if (!notice.pipeline().equals(slot.pipeline())) {
      return this;
    }
    wanted = notice;
    if (loading == null && notice.version() == slot.version()) {
      if (awaitingAck) {
        acknowledge(notice.version());
      }
    } else if (loading == null) {
      pull(notice);
    }
    return this;
  }

  private Behavior<Command> onPulled(Pulled pulled) {
    if (pulled.failure() != null || pulled.artifact().refusal() != null) {
      return loadFailed(
          pulled.notice(),
          pulled.failure() != null ? pulled.failure().getMessage() : pulled.artifact().refusal());
    }
    ContractNotice notice = pulled.notice();
    long limit = sources.maxBundleBytes();
    CompletionStage<ActiveContract> loaded =
        pulled
            .artifact()
            .bytes()
            .getSource()
            .runWith(
                Sink.fold(
                    ByteString.emptyByteString(), (all, chunk) -> appendWithin(all, chunk, limit)),
                getContext().getSystem())
            .thenApplyAsync(
                bytes ->
                    ContractLoader.load(notice.key(), bytes.toArrayUnsafe(), sources.hashKey()),
                getContext().getExecutionContext());
    getContext().pipeToSelf(loaded, (active, failure) -> new Loaded(notice, active, failure));
    return this;
  }

  private Behavior<Command> onLoaded(Loaded loaded) {
    if (loaded.failure() != null) {
      return loadFailed(loaded.notice(), loaded.failure().getMessage());
    }
    loading = null;
    if (wanted.version() != loaded.notice().version()) {
      pull(wanted);
      return this;
    }
    slot.swap(loaded.active());
    acknowledge(loaded.active().version());
    parent.tell(new Swapped(loaded.active().version()));
    getContext()
        .getLog()
        .info("{} now evaluates with contract v{}", componentId, loaded.active().version());
    return this;
  }

  private Behavior<Command> loadFailed(ContractNotice notice, String reason) {
    loading = null;
    getContext()
        .getLog()
        .warn(
            "{} could not load v{} (retried on the next poll): {}",
            componentId,
            notice.version(),
            reason);
    return this;
  }

  private Behavior<Command> onPostStop() {
    try {
      subscription.close();
    } catch (Exception e) {
      getContext().getLog().warn("unsubscribing from notices failed: {}", e.getMessage());
    }
    return this;
  }

  private void pull(ContractNotice notice) {
    loading = notice;
    getContext()
        .ask(
            Ledger.Artifact.class,
            sources.ledger(),
            askTimeout,
            replyTo -> new Ledger.Pull(notice.key(), replyTo),
            (artifact, failure) -> new Pulled(notice, artifact, failure));
  }

  private static ByteString appendWithin(ByteString all, ByteString chunk, long limit) {
    if (all.size() + chunk.size() > limit) {
      throw new IllegalArgumentException("the bundle is larger than " + limit + " bytes");
    }
    return all.concat(chunk);
  }

  private void acknowledge(long version) {
    sources.ledger().tell(new Ledger.Ack(componentId, slot.pipeline(), version));
  }
}
