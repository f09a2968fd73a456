package dev.ben.contracts.engine.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A window that keeps counts alone while every value is 1, and a running count of its live buckets,
 * answers and snapshots exactly as one that holds every bucket's sum, min and max and counts its
 * buckets for every read.
 */
class SlidingWindowModelTest {

  private static final long WINDOW = 60_000;

  private static byte[] snapshot(FeatureState state) throws IOException {
    var bytes = new ByteArrayOutputStream();
    var out = new DataOutputStream(bytes);
    state.snapshot(out);
    out.flush();
    return bytes.toByteArray();
  }

  private static void restore(FeatureState state, byte[] bytes) throws IOException {
    state.restore(new DataInputStream(new ByteArrayInputStream(bytes)));
  }

  private static void assertSame(FullSlidingWindow model, SlidingWindow window, long now, String at)
      throws IOException {
    assertEquals(model.count(now), window.count(now), at);
    assertEquals(Double.valueOf(model.sum(now)), Double.valueOf(window.sum(now)), at);
    assertEquals(Double.valueOf(model.average(now)), Double.valueOf(window.average(now)), at);
    assertEquals(Double.valueOf(model.min(now)), Double.valueOf(window.min(now)), at);
    assertEquals(Double.valueOf(model.max(now)), Double.valueOf(window.max(now)), at);
    assertArrayEquals(snapshot(model), snapshot(window), at);
  }

  @Test
  void answersAndSnapshotsAsAWindowHoldingEveryValue() throws IOException {
    double[] others = {2.5, 0, -0.0, -3, Double.NaN, 1e300};
    for (int seed = 0; seed < 40; seed++) {
      Random random = new Random(seed);
      var model = new FullSlidingWindow(WINDOW);
      var window = new SlidingWindow(WINDOW);
      // Half the runs add ones only, as a count or a TTL counter does.
      boolean onlyOnes = seed % 2 == 0;
      long now = random.nextInt(1_000_000);
      for (int step = 0; step < 2_000; step++) {
        now += random.nextInt(10) == 0 ? -random.nextInt(5_000) : random.nextInt(3_000);
        long at = now - random.nextInt(70_000);
        double value =
            onlyOnes || random.nextInt(50) != 0 ? 1 : others[random.nextInt(others.length)];
        assertEquals(model.add(at, value, now), window.add(at, value, now));
        // The running count is read for every event; now and then at an earlier time too.
        assertEquals(model.count(now), window.count(now), "seed " + seed + " step " + step);
        long earlier = now - random.nextInt(90_000);
        assertEquals(model.count(earlier), window.count(earlier), "earlier, step " + step);
        if (step % 50 == 0) {
          assertSame(model, window, now, "seed " + seed + " step " + step);
        }
        if (step % 400 == 399) {
          // Read back into a fresh window, and into one that already held other values.
          byte[] bytes = snapshot(model);
          var fresh = new SlidingWindow(WINDOW);
          restore(fresh, bytes);
          var reused = new SlidingWindow(WINDOW);
          reused.add(now, 7, now);
          restore(reused, bytes);
          assertSame(model, fresh, now, "restored, seed " + seed + " step " + step);
          assertSame(model, reused, now, "restored over values, seed " + seed);
          window = random.nextBoolean() ? fresh : reused;
        }
      }
      assertSame(model, window, now, "seed " + seed);
    }
  }
}
