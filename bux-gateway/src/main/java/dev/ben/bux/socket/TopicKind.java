package dev.ben.bux.socket;

/** How a topic reaches a client that reads slower than it changes. */
public enum TopicKind {
  /** Each item replaces the last: a slow client gets only the latest (conflated). */
  SNAPSHOT,
  /**
   * Each item is news: a slow client gets what the topic's ring still holds and a gap frame with
   * the number it missed.
   */
  STREAM,
  /**
   * A snapshot first, then only what is new since the last item: a slow client gets the items it
   * has not taken merged into one.
   */
  APPENDED
}
