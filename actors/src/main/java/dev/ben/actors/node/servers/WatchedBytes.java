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
 * Bytes a client sends, passed on unchanged and watched: every {@code checkEvery} the stage asks
 * its {@link Watch} whether the client is overdue, and if so counts it once and fails, which closes
 * the connection (or the request body). What "overdue" means is the subclass's: request headers too
 * slow, a body below its rate, opening bytes late.
 */
abstract class WatchedBytes extends GraphStage<FlowShape<ByteString, ByteString>> {

  /** What one materialisation watches; used only from the stage's own thread. */
  interface Watch {
    /** The server asked for more bytes. */
    default void asked(long nanos) {}

    void received(ByteString bytes, long nanos);

    boolean overdue(long nanos);
  }

  private final Inlet<ByteString> in;
  private final Outlet<ByteString> out;
  private final FlowShape<ByteString, ByteString> shape;
  private final Duration checkEvery;
  private final Runnable onOverdue;

  /**
   * @param onOverdue called once when the stage fails for it, to count it
   */
  WatchedBytes(String name, Duration checkEvery, Runnable onOverdue) {
    this.in = Inlet.create(name + ".in");
    this.out = Outlet.create(name + ".out");
    this.shape = FlowShape.of(in, out);
    this.checkEvery = checkEvery;
    this.onOverdue = onOverdue;
  }

  /** A fresh watch for one connection or body. */
  abstract Watch watch();

  /** The failure the stage ends with, saying why. */
  abstract RuntimeException overdue();

  @Override
  public final FlowShape<ByteString, ByteString> shape() {
    return shape;
  }

  @Override
  public final GraphStageLogic createLogic(Attributes attributes) {
    Watch watch = watch();
    return new TimerGraphStageLogic(shape) {
      {
        setHandler(
            in,
            new AbstractInHandler() {
              @Override
              public void onPush() {
                ByteString bytes = grab(in);
                watch.received(bytes, System.nanoTime());
                push(out, bytes);
              }
            });
        setHandler(
            out,
            new AbstractOutHandler() {
              @Override
              public void onPull() {
                watch.asked(System.nanoTime());
                pull(in);
              }
            });
      }

      @Override
      public void preStart() {
        scheduleWithFixedDelay("check", checkEvery, checkEvery);
      }

      @Override
      public void onTimer(Object key) {
        if (watch.overdue(System.nanoTime())) {
          onOverdue.run();
          failStage(overdue());
        }
      }
    };
  }
}
