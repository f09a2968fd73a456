package dev.ben.streams.sidecar;

import dev.ben.streams.flow.Envelope;
import java.util.List;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * A sink of single events behind the batch ingress a request is run into, as a test's stand-in for
 * a pipeline: each batch's events reach it in order, and a stalled sink holds the batch it took.
 */
final class EachEvent {

  private EachEvent() {}

  static Sink<List<Envelope>, NotUsed> into(Sink<Envelope, NotUsed> events) {
    return Flow.<List<Envelope>>create().mapConcat(batch -> batch).to(events);
  }
}
