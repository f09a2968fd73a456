package dev.ben.streams.proxy;

import dev.ben.contracts.model.ProxySettings;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.flow.Settlement;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageCounters.Outcome;
import java.util.ArrayList;
import java.util.List;
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
 * A pipeline's proxy as a stream stage: a {@link ProxyQueue} between upstream and the spine. Events
 * come and go in batches, but the buffer's bound, its watermarks and the overload policy apply to
 * each event, as they would to events arriving one by one. Under a shedding policy it always takes
 * from upstream, so the sidecar never waits and overload turns into counted shedding; under
 * backpressure it takes only while there is room, and of a batch larger than the room left it
 * buffers what fits and takes the rest (and nothing more from upstream) as room appears. Each shed
 * event is counted as {@code shed} under the policy's name; whether the proxy is overloaded is
 * readable for health and metrics. It hands on batches of at most the settings' {@code coalesce}
 * events, in order; a batch that arrives while nothing waits and would cross no watermark goes on
 * as it came.
 */
public final class ProxyStage extends GraphStage<FlowShape<List<Envelope>, List<Envelope>>> {

  private final Inlet<List<Envelope>> in = Inlet.create("proxy.in");
  private final Outlet<List<Envelope>> out = Outlet.create("proxy.out");
  private final FlowShape<List<Envelope>, List<Envelope>> shape = FlowShape.of(in, out);
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
  public static Flow<List<Envelope>, List<Envelope>, NotUsed> batches(
      ProxySettings settings, StageCounters counters, Settlement settlement) {
    return Flow.fromGraph(new ProxyStage(settings, counters, settlement));
  }

  @Override
  public FlowShape<List<Envelope>, List<Envelope>> shape() {
    return shape;
  }

  @Override
  public GraphStageLogic createLogic(Attributes attributes) {
    ProxyQueue<Envelope> queue = new ProxyQueue<>(settings);
    int largest = settings.coalesce();
    return new GraphStageLogic(shape) {

      /** What of an arrived batch the buffer had no room for yet (backpressure only). */
      private List<Envelope> waiting;

      private int waitingFrom;

      {
        setHandler(
            in,
            new AbstractInHandler() {
              @Override
              public void onPush() {
                List<Envelope> batch = grab(in);
                if (isAvailable(out)
                    && batch.size() <= largest
                    && queue.passesThrough(batch.size())) {
                  push(out, batch);
                } else {
                  offer(batch, 0);
                  pushIfAsked();
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
                pushIfAsked();
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

      /** Buffers the batch's events from {@code from} while there is room, shedding as decided. */
      private void offer(List<Envelope> batch, int from) {
        long shed = 0;
        int next = from;
        for (; next < batch.size() && queue.accepting(); next++) {
          Envelope dropped = queue.offer(batch.get(next));
          if (dropped != null) {
            shed++;
            settlement.settled(dropped);
          }
        }
        if (shed > 0) {
          counters.count(Outcome.SHED, shedReason, shed);
        }
        waiting = next < batch.size() ? batch : null;
        waitingFrom = next;
      }

      private void pushIfAsked() {
        if (!isAvailable(out) || queue.isEmpty()) {
          return;
        }
        List<Envelope> batch = new ArrayList<>(Math.min(largest, queue.size()));
        while (batch.size() < largest && !queue.isEmpty()) {
          batch.add(queue.poll());
        }
        push(out, batch);
        if (waiting != null) {
          offer(waiting, waitingFrom);
        }
      }

      private void pullIfAccepting() {
        if (!hasBeenPulled(in) && !isClosed(in) && waiting == null && queue.accepting()) {
          pull(in);
        }
      }
    };
  }
}
