package dev.ben.streams.eventlog.emit;

import dev.ben.config.EventLogSettings;
import dev.ben.streams.eventlog.EventDraft;
import dev.ben.streams.eventlog.EventLog;
import dev.ben.streams.metrics.MetricsRegistry;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.Done;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.event.Logging;
import org.apache.pekko.event.LoggingAdapter;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.QueueOfferResult;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * How Ben's own components publish to the event log: {@link #emit} never blocks and never throws,
 * whatever state the log is in. Drafts wait in a bounded queue ({@code ben.eventlog.emit-queue}; a
 * full one drops and counts) drained by one stream that publishes them one at a time, in order, on
 * the blocking executor ({@link EmitAttempts} retries while the log is unavailable).
 *
 * <p>A stream, not an actor: {@link BoundedSourceQueue#offer} answers at once from any thread, with
 * the queue's bound built in (an actor's mailbox has none), and {@code mapAsync(1)} keeps the order
 * without a hand-written state machine. Ids are assigned at {@link #emit}, from the log's own
 * generator, so a caller can name an event as a later one's parent (or record it in its own
 * history) before it is published; publishing in order means the parent is recorded first.
 */
public final class EventEmitter {

  private final EventLog log;
  private final EmitCounters counters;
  private final BoundedSourceQueue<Pending> queue;
  private final CompletionStage<Done> drained;

  private EventEmitter(
      EventLog log,
      EmitCounters counters,
      Pair<BoundedSourceQueue<Pending>, CompletionStage<Done>> running) {
    this.log = log;
    this.counters = counters;
    this.queue = running.first();
    this.drained = running.second();
  }

  /**
   * Starts the drain on {@code materializer}; publishing (a blocking store call) runs on {@code
   * blocking}.
   */
  public static EventEmitter start(
      EventLog log,
      EventLogSettings settings,
      MetricsRegistry metrics,
      Materializer materializer,
      Executor blocking) {
    ActorSystem system = materializer.system();
    LoggingAdapter logger = Logging.getLogger(system, EventEmitter.class);
    EmitCounters counters = new EmitCounters(metrics, logger::warning);
    EmitAttempts attempts =
        new EmitAttempts(
            log, settings, blocking, system.scheduler(), system.dispatcher(), counters);
    var running =
        Source.<Pending>queue(settings.emitQueue())
            .mapAsync(1, attempts::publish)
            .toMat(Sink.ignore(), Keep.both())
            .run(materializer);
    return new EventEmitter(log, counters, running);
  }

  /**
   * Hands the draft to the log as published by the component {@code source} and returns the id it
   * will have. Never blocks or throws: a draft the queue cannot take is dropped and counted (its id
   * then names nothing, and an event naming it as parent is recorded as a root).
   */
  public String emit(String source, EventDraft draft) {
    String id = newId();
    emit(source, id, draft);
    return id;
  }

  /** The log the drafts go to, for a caller that must check a draft would be accepted. */
  public EventLog log() {
    return log;
  }

  /** An id for a draft to emit later with {@link #emit(String, String, EventDraft)}. */
  public String newId() {
    return log.newId();
  }

  /**
   * The same, under an id {@link #newId()} gave: for a caller that records the id in its own state
   * before the event is emitted.
   */
  public void emit(String source, String id, EventDraft draft) {
    try {
      QueueOfferResult offered = queue.offer(new Pending(id, source, draft));
      if (offered == QueueOfferResult.dropped()) {
        counters.dropped(EmitCounters.QUEUE_FULL);
      } else if (!offered.isEnqueued()) {
        counters.dropped(EmitCounters.STOPPED);
      }
    } catch (RuntimeException e) {
      counters.dropped(EmitCounters.STOPPED);
    }
  }

  /**
   * Takes no more drafts and completes once those waiting are published (or dropped); the node
   * calls it as it stops, before the log's store is closed.
   */
  public CompletionStage<Done> stop() {
    queue.complete();
    return drained;
  }
}
