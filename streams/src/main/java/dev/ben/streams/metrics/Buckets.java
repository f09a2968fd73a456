package dev.ben.streams.metrics;

/**
 * Classic histogram upper bounds, in the units Prometheus conventions want: seconds for times,
 * plain counts for sizes. One set per kind of figure, so series of a kind compare.
 */
public final class Buckets {

  /** In-process work on one element or batch: half a millisecond to ten seconds. */
  public static final double[] STAGE_SECONDS = {
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
  };

  /** A round trip to a store or a caller: a millisecond to thirty seconds. */
  public static final double[] CALL_SECONDS = {
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30
  };

  /** Rows or events in one batch. */
  public static final double[] BATCH_SIZE = {1, 5, 10, 50, 100, 500, 1000, 5000, 10000, 50000};

  private Buckets() {}

  /** Seconds since {@code startNanos}, a {@link System#nanoTime()} reading. */
  public static double secondsSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
