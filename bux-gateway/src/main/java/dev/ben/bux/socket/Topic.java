package dev.ben.bux.socket;

import java.util.Set;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Source;

/**
 * A topic clients subscribe to: its name, how it treats slow clients, the filter fields it takes,
 * and how one subscription's deliveries are opened.
 */
record Topic(String name, TopicKind kind, Set<String> filterFields, Opener opener) {

  /** Opens one subscription; {@code after} is null unless a stream subscriber resumes. */
  @FunctionalInterface
  interface Opener {
    Source<Delivery, NotUsed> open(TopicFilter filter, Long after);
  }

  Topic {
    filterFields = Set.copyOf(filterFields);
  }
}
