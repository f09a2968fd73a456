package dev.ben.streams.flow;

import java.util.List;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Flow;

/** A stage over batches fed and read one event at a time, as tests drive it. */
public final class OneAtATime {

  private OneAtATime() {}

  /** Each event enters {@code batches} as a batch of one; what leaves is read event by event. */
  public static Flow<Envelope, Envelope, NotUsed> of(
      Flow<List<Envelope>, List<Envelope>, NotUsed> batches) {
    return Flow.<Envelope>create().<List<Envelope>>map(List::of).via(batches).mapConcat(b -> b);
  }
}
