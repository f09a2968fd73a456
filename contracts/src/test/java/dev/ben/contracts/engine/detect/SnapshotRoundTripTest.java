package dev.ben.contracts.engine.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Each kind of feature state, written out and read into a fresh instance, then fed the same values
 * as the original: both must answer alike from then on, which a lost field would break.
 */
class SnapshotRoundTripTest {

  private static final long MINUTE = 60_000;

  private static byte[] write(FeatureState state) throws IOException {
    var bytes = new ByteArrayOutputStream();
    try (var out = new DataOutputStream(bytes)) {
      state.snapshot(out);
    }
    return bytes.toByteArray();
  }

  private static <S extends FeatureState> S read(byte[] bytes, S fresh) throws IOException {
    try (var in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      fresh.restore(in);
      assertEquals(-1, in.read(), "the snapshot is read to its end");
    }
    return fresh;
  }

  @Test
  void aSlidingWindowKeepsItsBucketsAndTheirExpiry() throws IOException {
    var window = new SlidingWindow(5 * MINUTE);
    for (int i = 0; i < 7; i++) {
      window.add(i * 20_000L, i, i * 20_000L);
    }
    var copy = read(write(window), new SlidingWindow(5 * MINUTE));
    long now = 2 * MINUTE;
    assertEquals(7, copy.count(now));
    assertEquals(window.sum(now), copy.sum(now));
    assertEquals(window.min(now), copy.min(now));
    assertEquals(window.max(now), copy.max(now));
    window.add(6 * MINUTE, 9, 6 * MINUTE);
    copy.add(6 * MINUTE, 9, 6 * MINUTE);
    assertEquals(window.count(6 * MINUTE), copy.count(6 * MINUTE), "old buckets expire alike");
    assertEquals(window.sum(6 * MINUTE), copy.sum(6 * MINUTE));
  }

  @Test
  void aWindowOfAnotherLengthRefusesTheSnapshot() throws IOException {
    byte[] bytes = write(new SlidingWindow(5 * MINUTE));
    assertThrows(SnapshotFormatException.class, () -> read(bytes, new SlidingWindow(MINUTE)));
  }

  @Test
  void aDistinctWindowKeepsItsValuesTheirAgesAndSaturation() throws IOException {
    var distinct = new DistinctWindow(MINUTE, 3);
    String[] values = {"a", "b", "c", "d", "b"};
    for (int i = 0; i < values.length; i++) {
      distinct.add(values[i], i * 1000L, i * 1000L);
    }
    var copy = read(write(distinct), new DistinctWindow(MINUTE, 3));
    assertEquals(distinct.view(), copy.view());
    assertTrue(copy.saturated());
    assertEquals(distinct.count(MINUTE + 2500), copy.count(MINUTE + 2500), "c expired in both");
    assertEquals(2, copy.count(MINUTE + 2500));
  }

  @Test
  void anEwmaKeepsItsAverageAndAFreshOneStaysUnseeded() throws IOException {
    var ewma = new Ewma(0.3);
    ewma.update(10);
    ewma.update(20);
    var copy = read(write(ewma), new Ewma(0.3));
    assertEquals(ewma.update(5), copy.update(5));
    assertTrue(Double.isNaN(read(write(new Ewma(0.3)), new Ewma(0.3)).value()));
  }

  @Test
  void aCusumKeepsItsReferenceAndSums() throws IOException {
    assertSameFromThenOn(new Cusum(0.5, 4), new Cusum(0.5, 4), Cusum::update, 12);
  }

  @Test
  void halfSpaceTreesKeepTheirMassesAndScaling() throws IOException {
    var forest = new HalfSpaceForest(42);
    assertSameFromThenOn(
        new HalfSpaceScorer(forest, 16),
        new HalfSpaceScorer(forest, 16),
        HalfSpaceScorer::update,
        40);
  }

  @Test
  void aTruncatedSnapshotFails() throws IOException {
    var forest = new HalfSpaceForest(1);
    var scorer = new HalfSpaceScorer(forest, 8);
    for (int i = 0; i < 20; i++) {
      scorer.update(i % 5);
    }
    byte[] bytes = write(scorer);
    byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length / 2);
    assertThrows(IOException.class, () -> read(cut, new HalfSpaceScorer(forest, 8)));
  }

  private interface Updater<S> {
    double update(S state, double value);
  }

  /** Feeds {@code warm} values to the original, copies it, then feeds both the same 30 more. */
  private static <S extends FeatureState> void assertSameFromThenOn(
      S original, S fresh, Updater<S> update, int warm) throws IOException {
    var random = new SplittableRandom(7);
    DoubleUnaryOperator next = x -> 50 + 10 * random.nextGaussian() + (x > 0.5 ? 80 : 0);
    for (int i = 0; i < warm; i++) {
      update.update(original, next.applyAsDouble(0));
    }
    S copy = read(write(original), fresh);
    for (int i = 0; i < 30; i++) {
      double value = next.applyAsDouble(i == 20 ? 1 : 0);
      assertEquals(update.update(original, value), update.update(copy, value), 0.0, "value " + i);
    }
  }
}
