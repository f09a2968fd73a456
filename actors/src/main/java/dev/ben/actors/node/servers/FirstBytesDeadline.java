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
 * The bytes a client sends, passed on unchanged as they come; when its {@link OpeningBytes} are not
 * all in within the timeout of the connection opening, the connection fails, which closes it. Past
 * them the stage only passes bytes on.
 */
final class FirstBytesDeadline extends GraphStage<FlowShape<ByteString, ByteString>> {

  /** Why the connection was closed. */
  static final class FirstBytesTooSlow extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FirstBytesTooSlow(Duration timeout) {
      super("first bytes not in within " + timeout.toMillis() + " ms");
    }
  }

  private static final String DEADLINE = "deadline";

  private final Inlet<ByteString> in = Inlet.create("FirstBytesDeadline.in");
  private final Outlet<ByteString> out = Outlet.create("FirstBytesDeadline.out");
  private final FlowShape<ByteString, ByteString> shape = FlowShape.of(in, out);
  private final Duration timeout;
  private final Runnable onOverdue;

  /**
   * @param onOverdue called once when the connection is closed for it, to count it
   */
  FirstBytesDeadline(Duration timeout, Runnable onOverdue) {
    this.timeout = timeout;
    this.onOverdue = onOverdue;
  }

  @Override
  public FlowShape<ByteString, ByteString> shape() {
    return shape;
  }

  @Override
  public GraphStageLogic createLogic(Attributes attributes) {
    OpeningBytes opening = new OpeningBytes();
    return new TimerGraphStageLogic(shape) {
      {
        setHandler(
            in,
            new AbstractInHandler() {
              @Override
              public void onPush() {
                ByteString bytes = grab(in);
                if (isTimerActive(DEADLINE) && opening.arrived(bytes)) {
                  cancelTimer(DEADLINE);
                }
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
        scheduleOnce(DEADLINE, timeout);
      }

      @Override
      public void onTimer(Object key) {
        onOverdue.run();
        failStage(new FirstBytesTooSlow(timeout));
      }
    };
  }
}
