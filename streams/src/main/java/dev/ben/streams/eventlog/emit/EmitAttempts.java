package dev.ben.streams.eventlog.emit;

import dev.ben.config.EventLogSettings;
import dev.ben.streams.eventlog.EventLog;
import dev.ben.streams.eventlog.EventRefusedException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.Done;
import org.apache.pekko.actor.Scheduler;
import org.apache.pekko.pattern.Patterns;
import scala.concurrent.ExecutionContext;

/**
 * Publishes one waiting draft: on the blocking executor, and while the log is unavailable again
 * after a pause that doubles, until {@code emit-retry} has passed. The returned stage always
 * completes normally, so one lost event never stops the drain. A retry first asks whether the
 * earlier attempt landed after all (the id is the draft's own), so a slow answer never records an
 * event twice. A parent the log does not hold (dropped, or recorded before the log existed) is left
 * out rather than losing the event: it is published as a root.
 */
final class EmitAttempts {

  private enum Outcome {
    PUBLISHED,
    REFUSED,
    UNAVAILABLE
  }

  private static final CompletionStage<Done> DONE = CompletableFuture.completedFuture(Done.done());

  private final EventLog log;
  private final EventLogSettings settings;
  private final Executor blocking;
  private final Scheduler scheduler;
  private final ExecutionContext dispatcher;
  private final EmitCounters counters;

  EmitAttempts(
      EventLog log,
      EventLogSettings settings,
      Executor blocking,
      Scheduler scheduler,
      ExecutionContext dispatcher,
      EmitCounters counters) {
    this.log = log;
    this.settings = settings;
    this.blocking = blocking;
    this.scheduler = scheduler;
    this.dispatcher = dispatcher;
    this.counters = counters;
  }

  CompletionStage<Done> publish(Pending pending) {
    long deadline = System.nanoTime() + settings.emitRetry().toNanos();
    return attempt(pending, false, deadline, settings.emitMinBackoff())
        .exceptionally(
            failure -> {
              // The executor or scheduler is gone: the node is stopping.
              counters.dropped(EmitCounters.UNAVAILABLE);
              return Done.done();
            });
  }

  private CompletionStage<Done> attempt(
      Pending pending, boolean again, long deadline, Duration pause) {
    return CompletableFuture.supplyAsync(() -> once(pending, again), blocking)
        .thenCompose(
            outcome -> {
              if (outcome != Outcome.UNAVAILABLE) {
                return DONE;
              }
              if (System.nanoTime() + pause.toNanos() > deadline) {
                counters.dropped(EmitCounters.UNAVAILABLE);
                return DONE;
              }
              Duration next = longer(pause);
              return Patterns.after(
                  pause, scheduler, dispatcher, () -> attempt(pending, true, deadline, next));
            });
  }

  private Outcome once(Pending pending, boolean again) {
    String type = pending.draft().type();
    try {
      if (!again || log.get(pending.id()).isEmpty()) {
        publishOrAsRoot(pending);
      }
      counters.published(type);
      return Outcome.PUBLISHED;
    } catch (EventRefusedException e) {
      counters.refused(type, e.getMessage());
      return Outcome.REFUSED;
    } catch (RuntimeException e) {
      return Outcome.UNAVAILABLE;
    }
  }

  private void publishOrAsRoot(Pending pending) {
    try {
      log.publish(pending.source(), pending.id(), pending.draft());
    } catch (EventRefusedException e) {
      if (e.kind() != EventRefusedException.Kind.NOT_FOUND || pending.draft().parentId() == null) {
        throw e;
      }
      log.publish(pending.source(), pending.id(), pending.draft().withParent(null));
    }
  }

  private Duration longer(Duration pause) {
    Duration doubled = pause.multipliedBy(2);
    return doubled.compareTo(settings.emitMaxBackoff()) > 0 ? settings.emitMaxBackoff() : doubled;
  }
}
