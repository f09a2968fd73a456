package dev.ben.bench.dataplane;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The event time of generated traffic: starts at a fixed instant and moves forward by a fixed step
 * per event, so detector windows, TTLs and playbook cooldowns slide during a bench as they do in
 * production. Written as ISO-8601 UTC with milliseconds; the text up to the second is formatted
 * once per second of event time and reused, so generating an event stays a handful of appends.
 * Steps under a millisecond never move the time backward but may repeat a millisecond.
 */
final class EventClock {

  private static final DateTimeFormatter UP_TO_SECOND =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.").withZone(ZoneOffset.UTC);

  private final long startMillis;
  private final long stepNanos;
  private long elapsedNanos;
  private long second = Long.MIN_VALUE;
  private String secondText = "";

  EventClock(Instant start, Duration step) {
    if (step.isNegative() || step.isZero()) {
      throw new IllegalArgumentException("the event time step must be positive: " + step);
    }
    this.startMillis = start.toEpochMilli();
    this.stepNanos = step.toNanos();
  }

  /** Appends the current event time to {@code out}, then moves the clock one step forward. */
  StringBuilder appendNext(StringBuilder out) {
    long millis = startMillis + elapsedNanos / 1_000_000;
    elapsedNanos += stepNanos;
    long thisSecond = Math.floorDiv(millis, 1000);
    int milli = Math.floorMod(millis, 1000);
    if (thisSecond != second) {
      second = thisSecond;
      secondText = UP_TO_SECOND.format(Instant.ofEpochSecond(thisSecond));
    }
    out.append(secondText);
    if (milli < 100) {
      out.append('0');
    }
    if (milli < 10) {
      out.append('0');
    }
    return out.append(milli).append('Z');
  }
}
