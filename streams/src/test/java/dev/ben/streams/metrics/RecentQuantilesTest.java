package dev.ben.streams.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecentQuantilesTest {

  private static final double[] BOUNDS = {0.001, 0.01, 0.1, Double.POSITIVE_INFINITY};

  @Test
  void theQuantileIsInterpolatedWithinItsBucketAsHistogramQuantileDoes() {
    // 10 observations in (0.001, 0.01]: the median is halfway through that bucket.
    assertEquals(0.0055, RecentQuantiles.quantile(0.5, BOUNDS, new long[] {0, 10, 0, 0}), 1e-12);
    // The first bucket counts from 0.
    assertEquals(0.0005, RecentQuantiles.quantile(0.5, BOUNDS, new long[] {4, 0, 0, 0}), 1e-12);
    // 99 fast and 1 slow: p50 is fast, p99 reaches the end of the fast bucket.
    long[] mixed = {99, 0, 1, 0};
    assertEquals(0.0005050505, RecentQuantiles.quantile(0.5, BOUNDS, mixed), 1e-9);
    assertEquals(0.001, RecentQuantiles.quantile(0.99, BOUNDS, mixed), 1e-12);
    // Above the highest finite bound: that bound, the most a classic histogram can say.
    assertEquals(0.1, RecentQuantiles.quantile(0.99, BOUNDS, new long[] {0, 0, 0, 3}), 1e-12);
    assertTrue(Double.isNaN(RecentQuantiles.quantile(0.5, BOUNDS, new long[] {0, 0, 0, 0})));
  }

  @Test
  void aWindowHoldsOnlyWhatWasObservedSinceThePreviousReading() {
    MetricsRegistry metrics = new MetricsRegistry();
    DistributionDataPoint detector = StageLatency.of(metrics, "auth", "detector");
    metrics
        .histogram("ben_store_batch_rows", "rows", Labels.of("pipeline", "auth"), 1, 10)
        .observe(5);
    RecentQuantiles quantiles = new RecentQuantiles();
    for (int i = 0; i < 100; i++) {
      detector.observe(2.0); // slow, before the first reading
    }
    RecentQuantiles.Series series =
        new RecentQuantiles.Series(
            StageLatency.FAMILY, Labels.of("pipeline", "auth", "stage", "detector"));
    Map<RecentQuantiles.Series, RecentQuantiles.Window> first = quantiles.next(metrics.scrape());
    assertEquals(0, first.get(series).count(), "the first reading is the baseline");
    assertEquals(1, first.size(), "only time histograms: " + first);

    for (int i = 0; i < 10; i++) {
      detector.observe(0.0007); // fast, after it
    }
    RecentQuantiles.Window recent = quantiles.next(metrics.scrape()).get(series);
    assertEquals(10, recent.count());
    // Within (0.0005, 0.001]: the slow observations before the baseline do not count.
    assertTrue(recent.p50Seconds() > 0.0005 && recent.p50Seconds() <= 0.001, recent.toString());
    assertTrue(recent.p99Seconds() > 0.0005 && recent.p99Seconds() <= 0.001, recent.toString());

    RecentQuantiles.Window quiet = quantiles.next(metrics.scrape()).get(series);
    assertEquals(0, quiet.count());
    assertTrue(Double.isNaN(quiet.p50Seconds()));
  }
}
