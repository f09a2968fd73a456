package dev.ben.streams.proxy;

import dev.ben.contracts.model.ProxySettings;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.flow.Settlement;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageCounters.Outcome;
import java.util.Locale;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.FlowShape;
import org.apache.pekko.stream.Inlet;
import org.apache.pekko.stream.Outlet;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.stage.AbstractInHandler;
import org.apache.pekko.stream.stage.AbstractOutHandler;
import org.apache.pekko.stream.stage.GraphStage;
import org.apache.pekko.stream.stage.GraphStageLogic;

/**
 * A pipeline's proxy as a stream stage: a {@link ProxyQueue} between upstream and the spine. Under
 * a shedding policy it always takes from upstream, so the sidecar never waits and overload turns
 * into counted shedding; under backpressure it takes only while there is room. Each shed event is
 * counted as {@code shed} under the policy's name; whether the proxy is overloaded is readable for
 * health and metrics.
 */
public final class ProxyStage extends GraphStage<FlowShape<Envelope, Envelope>> {

  private final Inlet<Envelope> in = Inlet.create("proxy.in");
  private final Outlet<Envelope> out = Outlet.create("proxy.out");
  private final FlowShape<Envelope, Envelope> shape = FlowShape.of(in, out);
  private final ProxySettings settings;
  private final StageCounters counters;
  private final String shedReason;
  private final Settlement settlement;

  private ProxyStage(ProxySettings settings, StageCounters counters, Settlement settlement) {
    this.settings = settings;
    this.counters = counters;
    this.settlement = settlement;
    this.shedReason = settings.overload().name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param settlement told of every shed event, whose outcome is final here
   */
  public static Flow<Envelope, Envelope, NotUsed> flow(
      ProxySettings settings, StageCounters counters, Settlement settlement) {
    return Flow.fromGraph(new ProxyStage(settings, counters, settlement));
  }

  @Override
  public FlowShape<Envelope, Envelope> shape() {
    return shape;
  }

  @Override
  public GraphStageLogic createLogic(Attributes attributes) {
    ProxyQueue<Envelope> queue = new ProxyQueue<>(settings);
    return new GraphStageLogic(shape) {
      {
        setHandler(
            in,
            new AbstractInHandler() {
              @Override
              public void onPush() {
                Envelope shed = queue.offer(grab(in));
                if (shed != null) {
                  counters.count(Outcome.SHED, shedReason);
                  settlement.settled(shed);
                }
                if (isAvailable(out) && !queue.isEmpty()) {
                  push(out, queue.poll());
                }
                pullIfAccepting();
              }

              @Override
              public void onUpstreamFinish() {
                if (queue.isEmpty()) {
                  completeStage();
                }
              }
            });
        setHandler(
            out,
            new AbstractOutHandler() {
              @Override
              public void onPull() {
                if (!queue.isEmpty()) {
                  push(out, queue.poll());
                }
                if (isClosed(in)) {
                  if (queue.isEmpty()) {
                    completeStage();
                  }
                } else {
                  pullIfAccepting();
                }
              }
            });
      }

      @Override
      public void preStart() {
        pull(in);
      }

      private void pullIfAccepting() {
        if (!hasBeenPulled(in) && !isClosed(in) && queue.accepting()) {
          pull(in);
        }
      }
    };
  }
}
