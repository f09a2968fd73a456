package dev.ben.streams.history;

import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.metrics.RecentQuantiles;
import java.util.Map;
import java.util.TreeMap;

/**
 * The p50 and p99 of every time histogram over the interval since the previous sample, as gauges in
 * seconds named by the histogram's series plus a {@code quantile} label ({@code
 * ben_stage_batch_seconds{pipeline="auth",quantile="0.99",stage="store"}}), as Prometheus names a
 * summary's quantiles. A series that observed nothing in the interval gives no point.
 */
public final class LatencyQuantileSeries implements SeriesSource {

  public static final String P50 = "0.5";
  public static final String P99 = "0.99";

  private final MetricsRegistry registry;
  private final RecentQuantiles quantiles = new RecentQuantiles();

  public LatencyQuantileSeries(MetricsRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void sampleInto(SeriesSample sample) {
    quantiles
        .next(registry.scrape())
        .forEach(
            (series, window) -> {
              if (window.count() > 0) {
                sample.gauge(key(series, P50), window.p50Seconds());
                sample.gauge(key(series, P99), window.p99Seconds());
              }
            });
  }

  /** The gauge's name: the histogram series' with {@code quantile} added. */
  public static String key(RecentQuantiles.Series series, String quantile) {
    Map<String, String> labels = new TreeMap<>(series.labels().asMap());
    labels.put("quantile", quantile);
    String[] pairs =
        labels.entrySet().stream()
            .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
            .toArray(String[]::new);
    return series.family() + Labels.of(pairs);
  }
}
