package dev.ben.contracts.engine.detect;

import java.util.SplittableRandom;

/**
 * The shared, immutable structure of Half-Space Trees (Tan, Ting and Liu, 2011) over two features
 * in [0,1]: the value scaled to the key's recent range, and its change from the previous value.
 * Each tree is a complete binary tree of {@link #DEPTH} levels whose splits halve a randomly
 * perturbed work space; per-key masses live in {@link HalfSpaceScorer}. Deterministic: the same
 * seed gives the same trees.
 */
public final class HalfSpaceForest {

  public static final int TREES = 16;
  public static final int DEPTH = 6;
  static final int NODES = (1 << (DEPTH + 1)) - 1;
  static final int DIMENSIONS = 2;

  private final int[] splitDimension = new int[TREES * NODES];
  private final double[] splitValue = new double[TREES * NODES];

  public HalfSpaceForest(long seed) {
    var random = new SplittableRandom(seed);
    double[] low = new double[DIMENSIONS];
    double[] high = new double[DIMENSIONS];
    for (int tree = 0; tree < TREES; tree++) {
      for (int d = 0; d < DIMENSIONS; d++) {
        double s = random.nextDouble();
        double span = 2 * Math.max(s, 1 - s);
        low[d] = s - span;
        high[d] = s + span;
      }
      build(tree * NODES, 0, 0, low.clone(), high.clone(), random);
    }
  }

  private void build(
      int base, int node, int depth, double[] low, double[] high, SplittableRandom random) {
    if (depth == DEPTH) {
      return;
    }
    int dimension = random.nextInt(DIMENSIONS);
    double middle = (low[dimension] + high[dimension]) / 2;
    splitDimension[base + node] = dimension;
    splitValue[base + node] = middle;
    double[] leftHigh = high.clone();
    leftHigh[dimension] = middle;
    build(base, 2 * node + 1, depth + 1, low.clone(), leftHigh, random);
    double[] rightLow = low.clone();
    rightLow[dimension] = middle;
    build(base, 2 * node + 2, depth + 1, rightLow, high.clone(), random);
  }

  /** The child of {@code node} in {@code tree} that the point falls into. */
  int child(int tree, int node, double x0, double x1) {
    int index = tree * NODES + node;
    double coordinate = splitDimension[index] == 0 ? x0 : x1;
    return coordinate < splitValue[index] ? 2 * node + 1 : 2 * node + 2;
  }
}
