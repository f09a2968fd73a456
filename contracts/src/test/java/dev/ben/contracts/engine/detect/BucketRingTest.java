package dev.ben.contracts.engine.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The running count answers as counting the live buckets does: as time moves forward by a little or
 * a lot, when it goes back, and after buckets are set from a snapshot.
 */
class BucketRingTest {

  private static long scanned(BucketRing ring, long newest) {
    long total = 0;
    for (int slot = 0; slot < BucketRing.BUCKETS; slot++) {
      if (ring.used(slot) && BucketRing.live(ring.number(slot), newest)) {
        total += ring.count(slot);
      }
    }
    return total;
  }

  @Test
  void theRunningCountIsTheCountOfTheLiveBuckets() {
    for (int seed = 0; seed < 20; seed++) {
      Random random = new Random(seed);
      BucketRing ring = new BucketRing();
      long newest = 1_000 + random.nextInt(1_000);
      for (int step = 0; step < 3_000; step++) {
        newest +=
            random.nextInt(8) == 0
                ? -random.nextInt(30)
                : random.nextInt(random.nextBoolean() ? 3 : 90);
        long number = newest - random.nextInt(BucketRing.BUCKETS);
        ring.add(number, newest);
        long read = newest - (random.nextInt(5) == 0 ? random.nextInt(80) : 0);
        assertEquals(scanned(ring, read), ring.countAt(read), "seed " + seed + " step " + step);
        if (step % 500 == 499) {
          BucketRing copy = new BucketRing();
          for (int slot = 0; slot < BucketRing.BUCKETS; slot++) {
            if (ring.used(slot)) {
              copy.set(slot, ring.number(slot), ring.count(slot));
            }
          }
          assertEquals(scanned(ring, newest), copy.countAt(newest), "set, seed " + seed);
          ring = copy;
        }
      }
    }
  }
}
