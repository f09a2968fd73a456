package dev.ben.contracts.engine.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Each ring's running count answers as counting its live buckets does: as time moves forward by a
 * little or a lot, when it goes back, after buckets are set from a snapshot, and whatever the other
 * rings of the same array do.
 */
class BucketRingTest {

  private static final int ENTRIES = 3;

  /** Each ring at an odd place of the array, as a ring follows other features in a key's row. */
  private static int base(int entry) {
    return 3 + entry * (BucketRing.WIDTH + 5);
  }

  private static long[] cells() {
    long[] cells = new long[base(ENTRIES)];
    for (int entry = 0; entry < ENTRIES; entry++) {
      BucketRing.clear(cells, base(entry));
    }
    return cells;
  }

  private static long scanned(long[] cells, int entry, long newest) {
    long total = 0;
    int base = base(entry);
    for (int slot = 0; slot < BucketRing.BUCKETS; slot++) {
      if (BucketRing.used(cells, base, slot)
          && BucketRing.live(BucketRing.number(cells, base, slot), newest)) {
        total += BucketRing.count(cells, base, slot);
      }
    }
    return total;
  }

  @Test
  void eachEntrysRunningCountIsTheCountOfItsLiveBuckets() {
    for (int seed = 0; seed < 20; seed++) {
      Random random = new Random(seed);
      long[] rings = cells();
      long[] newest = new long[ENTRIES];
      for (int entry = 0; entry < ENTRIES; entry++) {
        newest[entry] = 1_000 + random.nextInt(1_000);
      }
      for (int step = 0; step < 3_000; step++) {
        int entry = random.nextInt(ENTRIES);
        newest[entry] +=
            random.nextInt(8) == 0
                ? -random.nextInt(30)
                : random.nextInt(random.nextBoolean() ? 3 : 90);
        long number = newest[entry] - random.nextInt(BucketRing.BUCKETS);
        BucketRing.add(rings, base(entry), number, newest[entry]);
        for (int other = 0; other < ENTRIES; other++) {
          long read = newest[other] - (random.nextInt(5) == 0 ? random.nextInt(80) : 0);
          assertEquals(
              scanned(rings, other, read),
              BucketRing.countAt(rings, base(other), read),
              "seed " + seed + " step " + step + " entry " + other);
        }
        if (step % 500 == 499) {
          rings = setFromSnapshot(rings, newest, seed);
        }
      }
    }
  }

  /** A copy whose rings are set bucket by bucket, as a snapshot's are. */
  private static long[] setFromSnapshot(long[] rings, long[] newest, int seed) {
    long[] copy = cells();
    for (int entry = 0; entry < ENTRIES; entry++) {
      int base = base(entry);
      for (int slot = 0; slot < BucketRing.BUCKETS; slot++) {
        if (BucketRing.used(rings, base, slot)) {
          BucketRing.set(
              copy,
              base,
              slot,
              BucketRing.number(rings, base, slot),
              BucketRing.count(rings, base, slot));
        }
      }
      assertEquals(
          scanned(rings, entry, newest[entry]),
          BucketRing.countAt(copy, base, newest[entry]),
          "set, seed " + seed + " entry " + entry);
    }
    return copy;
  }

  @Test
  void aClearedRingCountsNothingAndLeavesItsNeighboursAlone() {
    long[] rings = cells();
    for (long number = 100; number < 200; number += 3) {
      BucketRing.add(rings, base(0), number, number);
      BucketRing.add(rings, base(1), number, number);
    }
    assertEquals(20, BucketRing.countAt(rings, base(1), 199), "142..199, every third number");
    BucketRing.clear(rings, base(0));
    assertEquals(0, BucketRing.countAt(rings, base(0), 199));
    assertEquals(20, BucketRing.countAt(rings, base(1), 199));
    assertEquals(0, BucketRing.countAt(rings, base(2), 199), "never counted anything");
  }
}
