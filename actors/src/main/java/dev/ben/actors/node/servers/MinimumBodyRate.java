package dev.ben.actors.node.servers;

import java.time.Duration;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.FlowShape;
import org.apache.pekko.stream.Inlet;
import org.apache.pekko.stream.Outlet;
import org.apache.pekko.stream.stage.AbstractInHandler;
import org.apache.pekko.stream.stage.AbstractOutHandler;
import org.apache.pekko.stream.stage.GraphStage;
import org.apache.pekko.stream.stage.GraphStageLogic;
import org.apache.pekko.stream.stage.TimerGraphStageLogic;
import org.apache.pekko.util.ByteString;

/**
 * A request body's bytes, passed on unchanged while the client keeps up: over every {@code window}
 * the server spends waiting for the body (asking for bytes it has not got), the client must deliver
 * {@code minRate} bytes per second of it, or the body fails. Time the server does not ask (a full
 * pipeline holding the request back) is not the client's and is not counted.
 */
final class MinimumBodyRate extends GraphStage<FlowShape<ByteString, ByteString>> {

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

  private final Inlet<ByteString> in = Inlet.create("MinimumBodyRate.in");
  private final Outlet<ByteString> out = Outlet.create("MinimumBodyRate.out");
  private final FlowShape<ByteString, ByteString> shape = FlowShape.of(in, out);
  private final long minRate;
  private final Duration window;
  private final Runnable onTooSlow;

  MinimumBodyRate(long minRate, Duration window, Runnable onTooSlow) {
    this.minRate = minRate;
    this.window = window;
    this.onTooSlow = onTooSlow;
  }

  @Override
  public FlowShape<ByteString, ByteString> shape() {
    return shape;
  }

  @Override
  public GraphStageLogic createLogic(Attributes attributes) {
    BodyRate rate = new BodyRate(minRate, window);
    return new TimerGraphStageLogic(shape) {
      {
        setHandler(
            in,
            new AbstractInHandler() {
              @Override
              public void onPush() {
                ByteString bytes = grab(in);
                rate.received(bytes.size(), System.nanoTime());
                push(out, bytes);
              }
            });
        setHandler(
            out,
            new AbstractOutHandler() {
              @Override
              public void onPull() {
                rate.asked(System.nanoTime());
                pull(in);
              }
            });
      }

      @Override
      public void preStart() {
        Duration check = window.dividedBy(CHECKS_PER_WINDOW);
        scheduleWithFixedDelay("check", check, check);
      }

      @Override
      public void onTimer(Object key) {
        if (rate.tooSlow(System.nanoTime())) {
          onTooSlow.run();
          failStage(new BodyTooSlow(minRate, window));
        }
      }
    };
  }
}
