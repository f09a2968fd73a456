package dev.ben.actors.node.servers;

import java.time.Duration;

/**
 * Where one HTTP connection is between requests, for the header deadline: a request's headers must
 * be complete within {@code headerTimeout} of its first byte, or of the connection opening for the
 * first request. The clock is armed when the connection opens and when a byte arrives while no
 * request is under way, disarmed when a request's headers are complete, and a connection idle
 * between requests (every response written, no byte since) is left to the idle timeout. Times are
 * {@link System#nanoTime()} readings; the byte side and the request side may call from different
 * threads.
 */
final class RequestPhase {

  private static final long DISARMED = Long.MIN_VALUE;

  private final long timeoutNanos;
  private long armedAt;
  private int underWay;

  RequestPhase(Duration headerTimeout, long openedAt) {
    this.timeoutNanos = headerTimeout.toNanos();
    this.armedAt = openedAt;
  }

  /** Bytes came in: the first byte of a request when none is under way. */
  synchronized void bytesArrived(long now) {
    if (underWay == 0 && armedAt == DISARMED) {
      armedAt = now;
    }
  }

  /** A request's headers are complete (the HTTP layer parsed them). */
  synchronized void headersComplete() {
    underWay++;
    armedAt = DISARMED;
  }

  /** A response was written; once none is left under way, the next byte starts a new request. */
  synchronized void responded() {
    underWay = Math.max(0, underWay - 1);
  }

  /** Whether the headers being awaited are overdue. */
  synchronized boolean overdue(long now) {
    return armedAt != DISARMED && now - armedAt > timeoutNanos;
  }
}
