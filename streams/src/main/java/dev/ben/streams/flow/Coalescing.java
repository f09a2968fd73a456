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
