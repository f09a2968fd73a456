package dev.ben.contracts.engine.detect;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * One sliding window on its own: count, sum, min and max over the last {@code windowMillis} of
 * event time (a {@link WindowColumn} of one entry, where its buckets and their rules live). A
 * detector keeps its keys' windows in columns instead; this form serves a single window, and its
 * snapshot is the bytes a detector writes for one key's window.
 */
public final class SlidingWindow implements FeatureState {

  public static final int BUCKETS = WindowColumn.BUCKETS;

  private static final int ONLY = 0;

  private final WindowColumn column;
  private final long[] row = new long[BucketRing.WIDTH];

  public SlidingWindow(long windowMillis) {
    this.column = new WindowColumn(windowMillis);
    column.grow(1);
    column.reset(row, 0, ONLY);
  }

  /** Adds a value at event time {@code atMillis}; false when it is older than the window (late). */
  public boolean add(long atMillis, double value, long nowMillis) {
    return column.add(row, 0, ONLY, atMillis, value, nowMillis);
  }

  public long count(long nowMillis) {
    return column.count(row, 0, nowMillis);
  }

  public double sum(long nowMillis) {
    return column.sum(row, 0, ONLY, nowMillis);
  }

  /** NaN when the window is empty. */
  public double average(long nowMillis) {
    return column.average(row, 0, ONLY, nowMillis);
  }

  /** NaN when the window is empty. */
  public double min(long nowMillis) {
    return column.min(row, 0, ONLY, nowMillis);
  }

  /** NaN when the window is empty. */
  public double max(long nowMillis) {
    return column.max(row, 0, ONLY, nowMillis);
  }

  @Override
  public void snapshot(DataOutput out) throws IOException {
    column.snapshot(row, 0, ONLY, out);
  }

  @Override
  public void restore(DataInput in) throws IOException {
    column.restore(row, 0, ONLY, in);
  }
}
