package dev.ben.streams.eventlog.emit;

import dev.ben.streams.eventlog.Claim;
import dev.ben.streams.eventlog.ConsumerStatus;
import dev.ben.streams.eventlog.Consumption;
import dev.ben.streams.eventlog.EventLogStore;
import dev.ben.streams.eventlog.LogEvent;
import dev.ben.streams.eventlog.StoredEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store in front of a real one that a test makes unavailable (appends fail, the first {@code
 * failing} of them or all), slow (appends wait for a gate) or forgetful of its answers (an append
 * lands but the caller hears a failure).
 */
final class FlakyStore implements EventLogStore {

  private final EventLogStore real;
  final AtomicInteger appends = new AtomicInteger();
  final AtomicInteger failing = new AtomicInteger();
  volatile boolean answerLost;
  volatile CountDownLatch gate = new CountDownLatch(0);

  FlakyStore(EventLogStore real) {
    this.real = real;
  }

  @Override
  public StoredEvent append(LogEvent event) {
    appends.incrementAndGet();
    try {
      if (!gate.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never opened the gate");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new IllegalStateException("the log is unavailable");
    }
    StoredEvent stored = real.append(event);
    if (answerLost) {
      answerLost = false;
      throw new IllegalStateException("the answer was lost");
    }
    return stored;
  }

  @Override
  public List<StoredEvent> read(long fromPosition, Set<String> types, int limit) {
    return real.read(fromPosition, types, limit);
  }

  @Override
  public Optional<StoredEvent> get(String eventId) {
    return real.get(eventId);
  }

  @Override
  public List<StoredEvent> children(String eventId) {
    return real.children(eventId);
  }

  @Override
  public List<Claim> claim(String consumer, Set<String> types, int limit, Duration lease) {
    return real.claim(consumer, types, limit, lease);
  }

  @Override
  public Consumption move(String consumer, String eventId, ConsumerStatus status, String note) {
    return real.move(consumer, eventId, status, note);
  }

  @Override
  public List<Consumption> statuses(String eventId) {
    return real.statuses(eventId);
  }

  @Override
  public void close() {
    real.close();
  }
}
