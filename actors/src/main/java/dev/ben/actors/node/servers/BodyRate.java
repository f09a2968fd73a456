package dev.ben.actors.node.servers;

import java.time.Duration;

/**
 * The arithmetic of {@link MinimumBodyRate}, one body's: the time the server has waited for bytes
 * and what came meanwhile, judged once a whole window of waiting has passed, then started afresh.
 * Times are {@link System#nanoTime()} readings; one stage calls it, from one thread at a time.
 */
final class BodyRate {

  private static final long NOT_WAITING = Long.MIN_VALUE;
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final long minRate;
  private final long windowNanos;
  private long waitingSince = NOT_WAITING;
  private long waited;
  private long bytes;

  BodyRate(long minRate, Duration window) {
    this.minRate = minRate;
    this.windowNanos = window.toNanos();
  }

  /** The server asked for more of the body. */
  void asked(long now) {
    waitingSince = now;
  }

  /** Bytes came, ending the wait. */
  void received(int count, long now) {
    if (waitingSince != NOT_WAITING) {
      waited += now - waitingSince;
      waitingSince = NOT_WAITING;
    }
    bytes += count;
  }

  /** Whether a whole window of waiting brought fewer bytes than the minimum rate asks for. */
  boolean tooSlow(long now) {
    long total = waited + (waitingSince == NOT_WAITING ? 0 : now - waitingSince);
    if (total < windowNanos) {
      return false;
    }
    boolean slow = bytes * NANOS_PER_SECOND < minRate * total;
    waited = 0;
    bytes = 0;
    if (waitingSince != NOT_WAITING) {
      waitingSince = now;
    }
    return slow;
  }
}
