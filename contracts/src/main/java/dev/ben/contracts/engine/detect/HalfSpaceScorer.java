package dev.ben.contracts.engine.detect;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * One key's Half-Space Trees state: reference masses (from the last full window of {@code window}
 * observations) and the masses being collected. A point's score is {@code 1 - mean over trees of
 * min(1, mass * 2^depth / window)} where each tree is descended while the node's reference mass is
 * at least 10% of the window: each tree's term is capped so one tree where the point sits in a
 * dense region cannot mask the others; points in regions that were dense last window score near 0,
 * points in empty regions near 1. NaN until the first window is complete. Features are rescaled to
 * the previous window's mean +- 3 standard deviations (not min/max, which one spike would stretch),
 * refreshed at each swap, so the model follows slow drift. Memory: two int arrays of TREES x NODES
 * (about 16 KiB) per key in memory; snapshots keep only the non-zero masses.
 */
public final class HalfSpaceScorer implements FeatureState {

  /** The scaled range is mean +- 3 standard deviations: robust to the spikes it should flag. */
  private static final double SPREAD = 3;

  private final HalfSpaceForest forest;
  private final int window;
  private final int sizeLimit;
  private int[] reference = new int[HalfSpaceForest.TREES * HalfSpaceForest.NODES];
  private int[] latest = new int[HalfSpaceForest.TREES * HalfSpaceForest.NODES];
  private int seen;
  private boolean trained;
  private double low = Double.NaN;
  private double high = Double.NaN;
  private double windowMean;
  private double windowM2;
  private double previous = Double.NaN;

  public HalfSpaceScorer(HalfSpaceForest forest, int window) {
    this.forest = forest;
    this.window = window;
    this.sizeLimit = Math.max(1, window / 10);
  }

  /** Scores {@code x} against the reference, then learns it. */
  public double update(double x) {
    if (Double.isNaN(low)) {
      low = x;
      high = x;
    }
    double range = high - low > 0 ? high - low : Math.max(Math.abs(x), 1.0);
    double x0 = (x - low) / range;
    double x1 = Double.isNaN(previous) ? 0.5 : 0.5 + (x - previous) / (2 * range);
    previous = x;
    double score = trained ? score(x0, x1) : Double.NaN;
    learn(x0, x1, x);
    return score;
  }

  private double score(double x0, double x1) {
    double total = 0;
    for (int tree = 0; tree < HalfSpaceForest.TREES; tree++) {
      int base = tree * HalfSpaceForest.NODES;
      int node = 0;
      int depth = 0;
      while (depth < HalfSpaceForest.DEPTH && reference[base + node] >= sizeLimit) {
        node = forest.child(tree, node, x0, x1);
        depth++;
      }
      total += Math.min(1.0, (double) reference[base + node] * (1 << depth) / window);
    }
    return 1 - total / HalfSpaceForest.TREES;
  }

  private void learn(double x0, double x1, double x) {
    for (int tree = 0; tree < HalfSpaceForest.TREES; tree++) {
      int base = tree * HalfSpaceForest.NODES;
      int node = 0;
      latest[base]++;
      for (int depth = 0; depth < HalfSpaceForest.DEPTH; depth++) {
        node = forest.child(tree, node, x0, x1);
        latest[base + node]++;
      }
    }
    seen++;
    double delta = x - windowMean;
    windowMean += delta / seen;
    windowM2 += delta * (x - windowMean);
    if (seen == window) {
      int[] swap = reference;
      reference = latest;
      latest = swap;
      java.util.Arrays.fill(latest, 0);
      double spread = SPREAD * Math.sqrt(windowM2 / Math.max(1, window - 1));
      low = windowMean - spread;
      high = windowMean + spread;
      windowMean = 0;
      windowM2 = 0;
      seen = 0;
      trained = true;
    }
  }

  /** The window's progress, scaling and moments, then both mass arrays, sparse. */
  @Override
  public void snapshot(DataOutput out) throws IOException {
    StateCodec.writeVarInt(out, window);
    StateCodec.writeVarInt(out, seen);
    out.writeBoolean(trained);
    out.writeDouble(low);
    out.writeDouble(high);
    out.writeDouble(windowMean);
    out.writeDouble(windowM2);
    out.writeDouble(previous);
    StateCodec.writeSparse(out, reference);
    StateCodec.writeSparse(out, latest);
  }

  @Override
  public void restore(DataInput in) throws IOException {
    int written = StateCodec.readVarInt(in);
    if (written != window) {
      throw new SnapshotFormatException(
          "an anomaly window of " + written + " observations, here " + window);
    }
    seen = StateCodec.readCount(in, window - 1, "the observations of the current window");
    trained = in.readBoolean();
    low = in.readDouble();
    high = in.readDouble();
    windowMean = in.readDouble();
    windowM2 = in.readDouble();
    previous = in.readDouble();
    StateCodec.readSparse(in, reference);
    StateCodec.readSparse(in, latest);
  }
}
