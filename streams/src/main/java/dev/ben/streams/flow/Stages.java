package dev.ben.streams.flow;

import dev.ben.streams.metrics.StageCounters;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.OverflowStrategy;
import org.apache.pekko.stream.javadsl.Flow;

/**
 * Wraps a stage's logic in the accounting and the bound every stage shares: an event is counted
 * accepted when the stage takes it and forwarded when it leaves; in between at most {@code buffer}
 * events wait, and a full buffer backpressures upstream rather than growing.
 */
public final class Stages {

  private Stages() {}

  public static Flow<Envelope, Envelope, NotUsed> counted(
      StageCounters counters, int buffer, Flow<Envelope, Envelope, NotUsed> logic) {
    return counted(
        counters,
        Flow.<Envelope>create().buffer(buffer, OverflowStrategy.backpressure()).via(logic));
  }

  /**
   * The accounting alone, for logic that bounds itself (the proxy, whose buffer is its overload
   * policy's).
   */
  public static Flow<Envelope, Envelope, NotUsed> counted(
      StageCounters counters, Flow<Envelope, Envelope, NotUsed> logic) {
    return Flow.<Envelope>create()
        .map(
            e -> {
              counters.accepted();
              return e;
            })
        .via(logic)
        .map(
            e -> {
              counters.forwarded();
              return e;
            });
  }

  /**
   * The sidecar's stage: its events were counted accepted when the ingest request handed them over
   * (that is what the client is told), so here they are only bounded and counted forwarded.
   */
  public static Flow<Envelope, Envelope, NotUsed> acceptedUpstream(
      StageCounters counters, int buffer) {
    return Flow.<Envelope>create()
        .buffer(buffer, OverflowStrategy.backpressure())
        .map(
            e -> {
              counters.forwarded();
              return e;
            });
  }

  /**
   * A stage with no logic of its own yet: it bounds and counts, and passes every event on
   * unchanged.
   */
  public static Flow<Envelope, Envelope, NotUsed> passThrough(StageCounters counters, int buffer) {
    return counted(counters, buffer, Flow.create());
  }
}
