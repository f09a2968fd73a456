package dev.ben.contracts.engine.detect;

/**
 * A sliding window's buckets: per slot of a ring of {@link #BUCKETS}, the bucket's number (its
 * event time divided by the bucket's length) and its count, side by side in one array, so adding to
 * a bucket touches one cache line. It also keeps the count of the buckets live at the newest bucket
 * seen ({@link #frontier}), taking off those that pass out of the window as time moves forward: a
 * detector reads its window's count for every event of the key, and with many keys the buckets are
 * rarely in the processor's cache, so a read touches a few buckets rather than all of them. A read
 * at an earlier time counts the buckets. Not thread-safe.
 */
final class BucketRing {

  static final int BUCKETS = 60;

  private static final long UNUSED = Long.MIN_VALUE;

  /** The running count must be found again (after buckets were set from a snapshot). */
  private static final long UNKNOWN = Long.MIN_VALUE;

  /** Before any bucket: whatever time comes is after it, with nothing live. */
  private static final long BEFORE_ANY = Long.MIN_VALUE + 1;

  private final long[] buckets = new long[2 * BUCKETS];

  /** The newest bucket number {@link #liveCount} is for; no bucket is newer. */
  private long frontier;

  /** The sum of the counts of the buckets live at {@link #frontier}. */
  private long liveCount;

  BucketRing() {
    clear();
  }

  static boolean live(long number, long newest) {
    return number > newest - BUCKETS && number <= newest;
  }

  static int slot(long number) {
    return (int) Math.floorMod(number, (long) BUCKETS);
  }

  long number(int slot) {
    return buckets[2 * slot];
  }

  long count(int slot) {
    return buckets[2 * slot + 1];
  }

  boolean used(int slot) {
    return buckets[2 * slot] != UNUSED;
  }

  /** Every bucket unused. */
  void clear() {
    for (int slot = 0; slot < BUCKETS; slot++) {
      buckets[2 * slot] = UNUSED;
      buckets[2 * slot + 1] = 0;
    }
    frontier = BEFORE_ANY;
    liveCount = 0;
  }

  /** A bucket as a snapshot holds it. */
  void set(int slot, long number, long count) {
    buckets[2 * slot] = number;
    buckets[2 * slot + 1] = count;
    frontier = UNKNOWN;
  }

  /**
   * Counts one more in bucket {@code number} (live at {@code newest}), reusing its slot when it
   * held an older bucket.
   */
  void add(long number, long newest) {
    catchUp(newest);
    int slot = slot(number);
    if (buckets[2 * slot] != number) {
      if (live(buckets[2 * slot], frontier)) {
        liveCount -= buckets[2 * slot + 1];
      }
      buckets[2 * slot] = number;
      buckets[2 * slot + 1] = 0;
    }
    buckets[2 * slot + 1]++;
    if (live(number, frontier)) {
      liveCount++;
    }
  }

  /** The count of the buckets live at {@code newest}. */
  long countAt(long newest) {
    if (catchUp(newest)) {
      return liveCount;
    }
    long total = 0;
    for (int slot = 0; slot < BUCKETS; slot++) {
      if (live(buckets[2 * slot], newest)) {
        total += buckets[2 * slot + 1];
      }
    }
    return total;
  }

  /**
   * Moves {@link #frontier} up to {@code newest} when time moved on, taking the buckets that passed
   * out of the window off the running count; true when the running count is the one at {@code
   * newest}.
   */
  private boolean catchUp(long newest) {
    if (frontier == UNKNOWN) {
      recount();
    }
    if (newest > frontier) {
      long moved = newest - frontier;
      // Negative only past the long range, as from BEFORE_ANY: all passed out.
      if (moved >= BUCKETS || moved < 0) {
        liveCount = 0;
      } else {
        // The slot found once and then stepped: a division per bucket cost more than the rest.
        long first = frontier - BUCKETS + 1;
        int slot = slot(first);
        for (long number = first; number <= newest - BUCKETS; number++) {
          if (buckets[2 * slot] == number) {
            liveCount -= buckets[2 * slot + 1];
          }
          slot = slot == BUCKETS - 1 ? 0 : slot + 1;
        }
      }
      frontier = newest;
    }
    return newest == frontier;
  }

  /** The running count at the newest bucket held (a snapshot may hold any). */
  private void recount() {
    long highest = BEFORE_ANY;
    for (int slot = 0; slot < BUCKETS; slot++) {
      highest = Math.max(highest, buckets[2 * slot]);
    }
    long total = 0;
    for (int slot = 0; slot < BUCKETS; slot++) {
      if (live(buckets[2 * slot], highest)) {
        total += buckets[2 * slot + 1];
      }
    }
    frontier = highest;
    liveCount = total;
  }
}
