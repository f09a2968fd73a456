package dev.ben.streams.graph;

import dev.ben.streams.flow.Envelope;
import dev.ben.streams.metrics.StageCounters;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
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
 * Where one stage of the graph hands events to the next: each event is counted forwarded by the
 * stage it leaves and accepted by the one it enters, in one step of the fused graph (not a step for
 * each count), and a failure coming from upstream is named after the stage it leaves. An element
 * may be a batch, counted as its events. A tap sees each element as it passes (the live tap).
 */
final class Handover<T> extends GraphStage<FlowShape<T, T>> {

  private final Inlet<T> in = Inlet.create("handover.in");
  private final Outlet<T> out = Outlet.create("handover.out");
  private final FlowShape<T, T> shape = FlowShape.of(in, out);
  private final StageKind from;
  private final StageCounters leaving;
  private final StageCounters entering;
  private final ToIntFunction<T> events;
  private final Consumer<T> tap;

  private Handover(
      StageKind from,
      StageCounters leaving,
      StageCounters entering,
      ToIntFunction<T> events,
      Consumer<T> tap) {
    this.from = from;
    this.leaving = leaving;
    this.entering = entering;
    this.events = events;
    this.tap = tap;
  }

  /**
   * Batches of events from stage {@code from}, counted once per batch, each event shown to {@code
   * tap} as its batch passes.
   */
  static Flow<List<Envelope>, List<Envelope>, NotUsed> batches(
      StageKind from, StageCounters leaving, StageCounters entering, Consumer<Envelope> tap) {
    return Flow.fromGraph(
        new Handover<List<Envelope>>(
            from,
            leaving,
            entering,
            List::size,
            batch -> {
              for (Envelope event : batch) {
                tap.accept(event);
              }
            }));
  }

  @Override
  public FlowShape<T, T> shape() {
    return shape;
  }

  @Override
  public GraphStageLogic createLogic(Attributes attributes) {
    return new GraphStageLogic(shape) {
      {
        setHandler(
            in,
            new AbstractInHandler() {
              @Override
              public void onPush() {
                T element = grab(in);
                try {
                  tap.accept(element);
                } catch (RuntimeException e) {
                  failStage(StageFailedException.of(from, e));
                  return;
                }
                int count = events.applyAsInt(element);
                leaving.forwarded(count);
                entering.accepted(count);
                push(out, element);
              }

              @Override
              public void onUpstreamFailure(Throwable failure) {
                failStage(StageFailedException.of(from, failure));
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
