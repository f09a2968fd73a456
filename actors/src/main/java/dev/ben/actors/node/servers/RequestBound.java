package dev.ben.actors.node.servers;

import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.FlowShape;
import org.apache.pekko.stream.Inlet;
import org.apache.pekko.stream.Outlet;
import org.apache.pekko.stream.stage.AbstractInHandler;
import org.apache.pekko.stream.stage.AbstractOutHandler;
import org.apache.pekko.stream.stage.GraphStage;
import org.apache.pekko.stream.stage.GraphStageLogic;
import org.apache.pekko.util.ByteString;

/**
 * A request body held to a bound while it is read: past it, the reader fails with {@link TooLarge},
 * and nothing more is read. Unlike {@code withSizeLimit}, the body is not cancelled at that moment:
 * over HTTP/2, Pekko resets a stream whose request body is cancelled before its response is ready,
 * and the client would get a reset instead of the answer saying why. The body is left unread (flow
 * control stops the client) until the stream ends.
 */
final class RequestBound extends GraphStage<FlowShape<ByteString, ByteString>> {

  /** What the reader of a body past the bound fails with. */
  static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLarge(long bound) {
      super("the request body is larger than " + bound + " bytes");
    }
  }

  private final Inlet<ByteString> in = Inlet.create("RequestBound.in");
  private final Outlet<ByteString> out = Outlet.create("RequestBound.out");
  private final FlowShape<ByteString, ByteString> shape = FlowShape.of(in, out);
  private final long bound;

  RequestBound(long bound) {
    this.bound = bound;
  }

  @Override
  public FlowShape<ByteString, ByteString> shape() {
    return shape;
  }

  @Override
  public GraphStageLogic createLogic(Attributes attributes) {
    return new GraphStageLogic(shape) {
      private long read;

      {
        setHandler(
            in,
            new AbstractInHandler() {
              @Override
              public void onPush() {
                ByteString bytes = grab(in);
                read += bytes.size();
                if (read > bound) {
                  fail(out, new TooLarge(bound));
                } else {
                  push(out, bytes);
                }
              }

              @Override
              public void onUpstreamFinish() {
                completeStage();
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
    };
  }
}
