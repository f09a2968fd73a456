package dev.ben.contracts.engine.detect;

/**
 * A sliding window's ring of buckets, kept in a stretch of {@link #WIDTH} longs of a larger array
 * (a detector keeps each key's state in one row of one array: {@link KeyRows}): the frontier (the
 * newest bucket number seen), the running count of the buckets live at the frontier, then per slot
 * of a ring of {@link #BUCKETS} the bucket's number (its event time divided by the bucket's length)
 * beside its count. A detector reads its window's count for every event of the key, and with many
 * keys the buckets are rarely in the processor's cache: keeping the running count as buckets are
 * added and pass out of the window, a read touches a few buckets rather than all of them, and
 * adding to a bucket touches one cache line. A read at an earlier time than the frontier counts the
 * buckets. Stateless: every method works on the ring at {@code base} of {@code cells}.
 */
final class BucketRing {

  static final int BUCKETS = 60;

  /** Frontier, running count, then number and count per slot. */
  static final int WIDTH = 2 + 2 * BUCKETS;

  private static final long UNUSED = Long.MIN_VALUE;

  /** The running count must be found again (after buckets were set from a snapshot). */
  private static final long UNKNOWN = Long.MIN_VALUE;

  /** Before any bucket: whatever time comes is after it, with nothing live. */
  private static final long BEFORE_ANY = Long.MIN_VALUE + 1;

  private BucketRing() {}

  static boolean live(long number, long newest) {
    return number > newest - BUCKETS && number <= newest;
  }

  static int slot(long number) {
    return (int) Math.floorMod(number, (long) BUCKETS);
  }

  static long number(long[] cells, int base, int slot) {
    return cells[base + 2 + 2 * slot];
  }

  static long count(long[] cells, int base, int slot) {
    return cells[base + 3 + 2 * slot];
  }

  static boolean used(long[] cells, int base, int slot) {
    return number(cells, base, slot) != UNUSED;
  }

  /** Every bucket unused. */
  static void clear(long[] cells, int base) {
    cells[base] = BEFORE_ANY;
    cells[base + 1] = 0;
    for (int at = base + 2; at < base + WIDTH; at += 2) {
      cells[at] = UNUSED;
      cells[at + 1] = 0;
    }
  }

  /** A bucket as a snapshot holds it. */
  static void set(long[] cells, int base, int slot, long number, long count) {
    cells[base + 2 + 2 * slot] = number;
    cells[base + 3 + 2 * slot] = count;
    cells[base] = UNKNOWN;
  }

  /** Counts one more in bucket {@code number} (live at {@code newest}), reusing its slot. */
  static void add(long[] cells, int base, long number, long newest) {
    catchUp(cells, base, newest);
    int at = base + 2 + 2 * slot(number);
    long frontier = cells[base];
    if (cells[at] != number) {
      if (live(cells[at], frontier)) {
        cells[base + 1] -= cells[at + 1];
      }
      cells[at] = number;
      cells[at + 1] = 0;
    }
    cells[at + 1]++;
    if (live(number, frontier)) {
      cells[base + 1]++;
    }
  }

  /** The count of the buckets live at {@code newest}. */
  static long countAt(long[] cells, int base, long newest) {
    if (catchUp(cells, base, newest)) {
      return cells[base + 1];
    }
    long total = 0;
    for (int at = base + 2; at < base + WIDTH; at += 2) {
      if (live(cells[at], newest)) {
        total += cells[at + 1];
      }
    }
    return total;
  }

  /**
   * Moves the frontier up to {@code newest} when time moved on, taking the buckets that passed out
   * of the window off the running count; true when the running count is the one at {@code newest}.
   */
  private static boolean catchUp(long[] cells, int base, long newest) {
    if (cells[base] == UNKNOWN) {
      recount(cells, base);
    }
    long frontier = cells[base];
    if (newest > frontier) {
      long moved = newest - frontier;
      // Negative only past the long range, as from BEFORE_ANY: all passed out.
      if (moved >= BUCKETS || moved < 0) {
        cells[base + 1] = 0;
      } else {
        // The slot found once and then stepped: a division per bucket cost more than the rest.
        long first = frontier - BUCKETS + 1;
        int slot = slot(first);
        long passed = 0;
        for (long number = first; number <= newest - BUCKETS; number++) {
          int at = base + 2 + 2 * slot;
          if (cells[at] == number) {
            passed += cells[at + 1];
          }
          slot = slot == BUCKETS - 1 ? 0 : slot + 1;
        }
        cells[base + 1] -= passed;
      }
      cells[base] = newest;
    }
    return newest == cells[base];
  }

  /** The running count at the newest bucket held (a snapshot may hold any). */
  private static void recount(long[] cells, int base) {
    long highest = BEFORE_ANY;
    for (int at = base + 2; at < base + WIDTH; at += 2) {
      highest = Math.max(highest, cells[at]);
    }
    long total = 0;
    for (int at = base + 2; at < base + WIDTH; at += 2) {
      if (live(cells[at], highest)) {
        total += cells[at + 1];
      }
    }
    cells[base] = highest;
    cells[base + 1] = total;
  }
}
