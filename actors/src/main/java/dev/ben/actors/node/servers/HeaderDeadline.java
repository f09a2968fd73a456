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
 * The bytes a client sends, passed on unchanged and watched: when its request headers are overdue
 * ({@link RequestPhase}), the connection fails, which closes it. Pekko HTTP's own timeouts cannot
 * do this: the idle timeout restarts on every byte, and the request timeout starts only once the
 * headers are in.
 */
final class HeaderDeadline extends GraphStage<FlowShape<ByteString, ByteString>> {

  /** Why the connection was closed. */
  static final class HeadersTooSlow extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HeadersTooSlow(Duration timeout) {
      super("request headers not complete within " + timeout.toMillis() + " ms");
    }
  }

  private static final int CHECKS_PER_TIMEOUT = 4;

  private final Inlet<ByteString> in = Inlet.create("HeaderDeadline.in");
  private final Outlet<ByteString> out = Outlet.create("HeaderDeadline.out");
  private final FlowShape<ByteString, ByteString> shape = FlowShape.of(in, out);
  private final RequestPhase phase;
  private final Duration timeout;
  private final Runnable onOverdue;

  /**
   * @param onOverdue called once when the connection is closed for it, to count it
   */
  HeaderDeadline(RequestPhase phase, Duration timeout, Runnable onOverdue) {
    this.phase = phase;
    this.timeout = timeout;
    this.onOverdue = onOverdue;
  }

  @Override
  public FlowShape<ByteString, ByteString> shape() {
    return shape;
  }

  @Override
  public GraphStageLogic createLogic(Attributes attributes) {
    return new TimerGraphStageLogic(shape) {
      {
        setHandler(
            in,
            new AbstractInHandler() {
              @Override
              public void onPush() {
                ByteString bytes = grab(in);
                phase.bytesArrived(System.nanoTime());
                push(out, bytes);
              }
            });
        setHandler(
            out,
            new AbstractOutHandler() {
              @Override
              public void onPull() {
                pull(in);
              }
            });
      }

      @Override
      public void preStart() {
        Duration check = timeout.dividedBy(CHECKS_PER_TIMEOUT);
        scheduleWithFixedDelay("check", check, check);
      }

      @Override
      public void onTimer(Object key) {
        if (phase.overdue(System.nanoTime())) {
          onOverdue.run();
          failStage(new HeadersTooSlow(timeout));
        }
      }
    };
  }
}
