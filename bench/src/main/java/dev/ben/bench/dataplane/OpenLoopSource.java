package dev.ben.bench.dataplane;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.sidecar.EventParser;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The traffic of one pipeline run, parsed as the sidecar parses it: as fast as the pipeline takes
 * it, or at a fixed rate, open loop. At a fixed rate each event is due at the first event's send
 * time plus its index over the rate, and its latency counts from when it was due, or from when it
 * was sent if that was earlier; a source that falls behind (a busy machine, a pipeline that pushes
 * back) shows as latency, not as a lower rate. Event time spans at least {@link #MIN_EVENT_TIME} so
 * 1m and 5m windows, TTLs and cooldowns slide within every run.
 */
final class OpenLoopSource {

  /** Two of examples/auth's 5-minute windows and cooldowns. */
  static final Duration MIN_EVENT_TIME = Duration.ofMinutes(10);

  private final long count;
  private final int perSecond;
  private final long[] starts;
  private final Duration step;
  private final AtomicLong produced = new AtomicLong();
  private volatile long firstNanos;
  private volatile long lastNanos;

  /**
   * {@code count} events, at {@code perSecond} (0: as fast as taken); {@code timed} keeps each
   * event's start for {@link #latencyNanos}, 8 bytes an event.
   */
  OpenLoopSource(long count, int perSecond, boolean timed) {
    this.count = count;
    this.perSecond = perSecond;
    this.starts = timed ? new long[Math.toIntExact(count)] : null;
    this.step = AuthTraffic.stepSpanning(perSecond, count, MIN_EVENT_TIME);
  }

  Source<Envelope, NotUsed> source(String pipeline, StageCounters sidecar, ObjectMapper mapper) {
    AuthTraffic traffic = new AuthTraffic(42, 50_000, step);
    EventParser parser = new EventParser(mapper, 64 * 1024);
    Source<Long, NotUsed> ticks =
        Source.range(0, Math.toIntExact(count) - 1).map(Integer::longValue);
    if (perSecond > 0) {
      // Released every millisecond in small groups, so the rate is smooth at the scale latency is
      // measured on.
      ticks = ticks.throttle(Math.max(1, perSecond / 1000), Duration.ofMillis(1));
    }
    return ticks.map(
        i -> {
          long now = System.nanoTime();
          if (i == 0) {
            firstNanos = now;
          }
          EventParser.Parsed parsed =
              parser.parseOne(traffic.next(), pipeline, "bench", System.currentTimeMillis());
          Envelope e = ((EventParser.Accepted) parsed).envelope();
          sidecar.accepted();
          sidecar.forwarded();
          if (starts != null) {
            starts[(int) (long) i] = perSecond > 0 ? Math.min(due(i), now) : now;
          }
          lastNanos = now;
          produced.incrementAndGet();
          return new Envelope("e" + i, e.pipeline(), e.app(), e.receivedAtMillis(), e.body());
        });
  }

  private long due(long index) {
    return firstNanos + (long) (index * 1e9 / perSecond);
  }

  /** From when the event with this id was due (or sent, if earlier) until now. */
  long latencyNanos(String eventId) {
    return System.nanoTime() - starts[Integer.parseInt(eventId, 1, eventId.length(), 10)];
  }

  long produced() {
    return produced.get();
  }

  /** The rate events were actually sent at. */
  double sentPerSecond() {
    long spanNanos = lastNanos - firstNanos;
    return spanNanos <= 0 ? 0 : (produced.get() - 1) * 1e9 / spanNanos;
  }

  /** The event time between the first event and the last. */
  Duration eventTimeSpan() {
    return step.multipliedBy(Math.max(0, count - 1));
  }
}
