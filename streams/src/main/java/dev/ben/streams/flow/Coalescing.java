package dev.ben.streams.flow;

import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * Hands events to a stage across its asynchronous boundary in batches: while the stage keeps up
 * each event crosses alone (no added latency); while it is pressed, events waiting on the sender's
 * side are coalesced into one element of up to {@code max}, so the per-element cost of the crossing
 * is paid once per batch.
 */
public final class Coalescing {

  private Coalescing() {}

  /**
   * A sink of single events that feeds {@code batches}, coalescing up to {@code max} under
   * backpressure.
   */
  public static Sink<Envelope, NotUsed> ingress(Sink<List<Envelope>, NotUsed> batches, int max) {
    return batches(max).to(batches);
  }

  /**
   * Single events in, batches of up to {@code max} out, coalescing only while downstream does not
   * ask.
   */
  public static Flow<Envelope, List<Envelope>, NotUsed> batches(int max) {
    return Flow.<Envelope>create().batch(Math.max(1, max), Coalescing::first, Coalescing::add);
  }

  /**
   * Batches in, batches out: while downstream does not ask, waiting batches are joined into one of
   * up to {@code max} events (a batch already larger than {@code max} goes on alone); while it
   * keeps up each batch goes on as it came. Events keep their order.
   */
  public static Flow<List<Envelope>, List<Envelope>, NotUsed> merged(int max) {
    Object stage = new Object();
    return Flow.<List<Envelope>>create()
        .batchWeighted(
            Math.max(1, max),
            batch -> (long) batch.size(),
            batch -> batch,
            (joined, batch) -> join(stage, joined, batch));
  }

  private static List<Envelope> join(Object stage, List<Envelope> joined, List<Envelope> batch) {
    if (joined instanceof Joined own && own.stage == stage) {
      own.addAll(batch);
      return own;
    }
    Joined both = new Joined(stage, joined.size() + batch.size());
    both.addAll(joined);
    both.addAll(batch);
    return both;
  }

  /**
   * A list one {@link #merged} stage made by joining batches, so that stage may add to it: the
   * batches it was given may be anyone's (immutable, or still read by whoever made them).
   */
  private static final class Joined extends ArrayList<Envelope> {
    private static final long serialVersionUID = 1L;
    private final transient Object stage;

    Joined(Object stage, int capacity) {
      super(capacity);
      this.stage = stage;
    }
  }

  private static List<Envelope> first(Envelope envelope) {
    List<Envelope> batch = new ArrayList<>();
    batch.add(envelope);
    return batch;
  }

  private static List<Envelope> add(List<Envelope> batch, Envelope envelope) {
    batch.add(envelope);
    return batch;
  }
}
