package dev.ben.bux.socket;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The last {@code capacity} items of a stream topic, numbered 1, 2, 3, ... as they arrive. A reader
 * keeps the seq of the last item it has and asks for what follows: it gets what is still held and,
 * when it fell further behind than the ring reaches (or resumes after items it no longer holds),
 * the number it missed. Readers share the ring, so one that stops reading costs nothing.
 * Thread-safe.
 */
public final class TopicRing {

  /** What follows a reader's position: how many it missed, then the items still held. */
  public record Batch(long missed, List<TopicItem> items) {

    public boolean isEmpty() {
      return missed == 0 && items.isEmpty();
    }

    /** The reader's position after this batch. */
    long endingAfter(long after) {
      return items.isEmpty() ? after + missed : items.get(items.size() - 1).seq();
    }
  }

  private final TopicItem[] items;
  private long last;

  public TopicRing(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("a ring holds at least one item, not " + capacity);
    }
    this.items = new TopicItem[capacity];
  }

  /** Holds {@code data} as the next item, forgetting the oldest when full. */
  public synchronized TopicItem append(long at, JsonNode data) {
    TopicItem item = new TopicItem(++last, at, data);
    items[(int) ((item.seq() - 1) % items.length)] = item;
    return item;
  }

  /** The seq of the newest item, 0 before the first. */
  public synchronized long last() {
    return last;
  }

  /**
   * Up to {@code max} items after seq {@code after}, oldest first, with the number of items after
   * it that are no longer held. A position beyond the newest item (a client resuming against a
   * gateway that has restarted since) reads from the start.
   */
  public synchronized Batch after(long after, int max) {
    long from = after > last ? 0 : after;
    long oldestHeld = Math.max(1, last - items.length + 1);
    long missed = Math.max(0, oldestHeld - from - 1);
    long first = Math.max(from + 1, oldestHeld);
    List<TopicItem> held = new ArrayList<>();
    for (long seq = first; seq <= last && held.size() < max; seq++) {
      held.add(items[(int) ((seq - 1) % items.length)]);
    }
    return new Batch(last == 0 ? 0 : missed, held);
  }
}
