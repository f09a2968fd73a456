package dev.ben.actors.node.servers;

import java.time.Duration;
import org.apache.pekko.util.ByteString;

/**
 * The bytes a client sends, passed on unchanged as they come; when its {@link OpeningBytes} are not
 * all in within the timeout of the connection opening, the connection fails, which closes it. Past
 * them the stage only passes bytes on.
 */
final class FirstBytesDeadline extends WatchedBytes {

  /** Why the connection was closed. */
  static final class FirstBytesTooSlow extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FirstBytesTooSlow(Duration timeout) {
      super("first bytes not in within " + timeout.toMillis() + " ms");
    }
  }

  private static final int CHECKS_PER_TIMEOUT = 4;

  private final Duration timeout;

  /**
   * @param onOverdue called once when the connection is closed for it, to count it
   */
  FirstBytesDeadline(Duration timeout, Runnable onOverdue) {
    super("FirstBytesDeadline", timeout.dividedBy(CHECKS_PER_TIMEOUT), onOverdue);
    this.timeout = timeout;
  }

  @Override
  Watch watch() {
    OpeningBytes opening = new OpeningBytes();
    long opened = System.nanoTime();
    return new Watch() {
      private boolean complete;

      @Override
      public void received(ByteString bytes, long nanos) {
        complete = complete || opening.arrived(bytes);
      }

      @Override
      public boolean overdue(long nanos) {
        return !complete && nanos - opened >= timeout.toNanos();
      }
    };
  }

  @Override
  RuntimeException overdue() {
    return new FirstBytesTooSlow(timeout);
  }
}
