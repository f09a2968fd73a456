package dev.ben.actors.node.servers;

import java.time.Duration;
import org.apache.pekko.util.ByteString;

/**
 * The bytes a client sends, passed on unchanged and watched: when its request headers are overdue
 * ({@link RequestPhase}), the connection fails, which closes it. Pekko HTTP's own timeouts cannot
 * do this: the idle timeout restarts on every byte, and the request timeout starts only once the
 * headers are in.
 */
final class HeaderDeadline extends WatchedBytes {

  /** Why the connection was closed. */
  static final class HeadersTooSlow extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HeadersTooSlow(Duration timeout) {
      super("request headers not complete within " + timeout.toMillis() + " ms");
    }
  }

  private static final int CHECKS_PER_TIMEOUT = 4;

  private final RequestPhase phase;
  private final Duration timeout;

  /**
   * @param onOverdue called once when the connection is closed for it, to count it
   */
  HeaderDeadline(RequestPhase phase, Duration timeout, Runnable onOverdue) {
    super("HeaderDeadline", timeout.dividedBy(CHECKS_PER_TIMEOUT), onOverdue);
    this.phase = phase;
    this.timeout = timeout;
  }

  @Override
  Watch watch() {
    return new Watch() {
      @Override
      public void received(ByteString bytes, long nanos) {
        phase.bytesArrived(nanos);
      }

      @Override
      public boolean overdue(long nanos) {
        return phase.overdue(nanos);
      }
    };
  }

  @Override
  RuntimeException overdue() {
    return new HeadersTooSlow(timeout);
  }
}
