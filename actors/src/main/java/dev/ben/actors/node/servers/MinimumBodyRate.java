package dev.ben.actors.node.servers;

import java.time.Duration;
import org.apache.pekko.util.ByteString;

/**
 * A request body's bytes, passed on unchanged while the client keeps up: over every {@code window}
 * the server spends waiting for the body (asking for bytes it has not got), the client must deliver
 * {@code minRate} bytes per second of it, or the body fails. Time the server does not ask (a full
 * pipeline holding the request back) is not the client's and is not counted.
 */
final class MinimumBodyRate extends WatchedBytes {

  /** Why the body failed. */
  static final class BodyTooSlow extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BodyTooSlow(long minRate, Duration window) {
      super(
          "the request body came slower than "
              + minRate
              + " bytes per second over "
              + window.toMillis()
              + " ms");
    }
  }

  private static final int CHECKS_PER_WINDOW = 4;

  private final long minRate;
  private final Duration window;

  MinimumBodyRate(long minRate, Duration window, Runnable onTooSlow) {
    super("MinimumBodyRate", window.dividedBy(CHECKS_PER_WINDOW), onTooSlow);
    this.minRate = minRate;
    this.window = window;
  }

  @Override
  Watch watch() {
    BodyRate rate = new BodyRate(minRate, window);
    return new Watch() {
      @Override
      public void asked(long nanos) {
        rate.asked(nanos);
      }

      @Override
      public void received(ByteString bytes, long nanos) {
        rate.received(bytes.size(), nanos);
      }

      @Override
      public boolean overdue(long nanos) {
        return rate.tooSlow(nanos);
      }
    };
  }

  @Override
  RuntimeException overdue() {
    return new BodyTooSlow(minRate, window);
  }
}
