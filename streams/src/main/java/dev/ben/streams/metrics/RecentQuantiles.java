package dev.ben.streams.metrics;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Label;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The median and 99th percentile of what each time histogram (a family whose name ends in {@value
 * #SECONDS}) observed since the previous reading: the difference of its bucket counts between two
 * scrapes, so a chart shows the recent latency and not the average since the node started.
 * Quantiles are interpolated within a bucket as Prometheus's {@code histogram_quantile} does. The
 * first reading of a series sets its baseline and gives no quantiles; a series that observed
 * nothing since the previous reading has none either.
 */
public final class RecentQuantiles {

  public static final String SECONDS = "_seconds";

  /** One series of a histogram family. */
  public record Series(String family, Labels labels) {}

  /** What a series observed in the interval: how many, and the quantiles in seconds. */
  public record Window(long count, double p50Seconds, double p99Seconds) {}

  private Map<Series, long[]> previous = new HashMap<>();

  /**
   * Every time histogram's series in {@code scrape}, sorted by family then labels, each with its
   * window since the previous call; empty windows (count 0) where nothing was observed or this is
   * the series' first reading.
   */
  public synchronized Map<Series, Window> next(MetricSnapshots scrape) {
    Map<Series, Window> out =
        new TreeMap<>(
            (a, b) ->
                a.family().equals(b.family())
                    ? a.labels().compareTo(b.labels())
                    : a.family().compareTo(b.family()));
    Map<Series, long[]> now = new HashMap<>();
    scrape.forEach(
        metric -> {
          String family = metric.getMetadata().getPrometheusName();
          if (metric instanceof HistogramSnapshot histogram && family.endsWith(SECONDS)) {
            histogram
                .getDataPoints()
                .forEach(
                    point -> {
                      Series series = new Series(family, labels(point.getLabels()));
                      ClassicHistogramBuckets buckets = point.getClassicBuckets();
                      long[] counts = counts(buckets);
                      now.put(series, counts);
                      out.put(series, window(bounds(buckets), counts, previous.get(series)));
                    });
          }
        });
    previous = now;
    return out;
  }

  private static Window window(double[] bounds, long[] counts, long[] before) {
    if (before == null || before.length != counts.length) {
      return new Window(0, Double.NaN, Double.NaN);
    }
    long[] recent = new long[counts.length];
    long total = 0;
    for (int i = 0; i < counts.length; i++) {
      // A count lower than before means the series restarted: count from zero.
      recent[i] = counts[i] >= before[i] ? counts[i] - before[i] : counts[i];
      total += recent[i];
    }
    return new Window(total, quantile(0.5, bounds, recent), quantile(0.99, bounds, recent));
  }

  /**
   * The {@code q} quantile of observations counted per bucket ({@code counts[i]} observations at
   * most {@code upperBounds[i]}, above the bound before; the last bound may be +Inf), interpolated
   * linearly within its bucket from 0 for the first; the highest finite bound when it falls in the
   * +Inf bucket; NaN without observations.
   */
  public static double quantile(double q, double[] upperBounds, long[] counts) {
    long total = 0;
    for (long count : counts) {
      total += count;
    }
    if (total == 0) {
      return Double.NaN;
    }
    double rank = q * total;
    long below = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0 && below + counts[i] >= rank) {
        double upper = upperBounds[i];
        double lower = i == 0 ? 0 : upperBounds[i - 1];
        if (Double.isInfinite(upper)) {
          return lower;
        }
        return lower + (upper - lower) * (rank - below) / counts[i];
      }
      below += counts[i];
    }
    return upperBounds[upperBounds.length - 1];
  }

  private static long[] counts(ClassicHistogramBuckets buckets) {
    long[] counts = new long[buckets.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = buckets.getCount(i);
    }
    return counts;
  }

  private static double[] bounds(ClassicHistogramBuckets buckets) {
    double[] bounds = new double[buckets.size()];
    for (int i = 0; i < bounds.length; i++) {
      bounds[i] = buckets.getUpperBound(i);
    }
    return bounds;
  }

  private static Labels labels(io.prometheus.metrics.model.snapshots.Labels labels) {
    List<String> pairs = new ArrayList<>();
    for (Label label : labels) {
      pairs.add(label.getName());
      pairs.add(label.getValue());
    }
    return Labels.of(pairs.toArray(String[]::new));
  }
}
