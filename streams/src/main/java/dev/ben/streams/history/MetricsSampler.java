package dev.ben.streams.history;

import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import java.util.List;

/**
 * Reads one point's series from its sources, in order, at most {@code maxSeries} of them: the JVM
 * first (a handful that every chart needs), then the registry's charted families by name, then the
 * recent latency quantiles of its time histograms. What does not fit is counted in {@value #CUT}.
 */
public final class MetricsSampler {

  public static final String CUT = "ben_history_series_cut_total";

  private final List<SeriesSource> sources;
  private final int maxSeries;
  private final CounterDataPoint cut;

  public MetricsSampler(List<SeriesSource> sources, int maxSeries, MetricsRegistry metrics) {
    this.sources = List.copyOf(sources);
    this.maxSeries = maxSeries;
    this.cut =
        metrics.counter(
            CUT,
            "Series left out of a point of the metrics history because it held"
                + " ben.gateway.history-max-series already.",
            Labels.NONE);
  }

  /**
   * The sampler of a node: its JVM, the charted families of its registry and its latency quantiles.
   */
  public static MetricsSampler forNode(MetricsRegistry metrics, int maxSeries) {
    return new MetricsSampler(
        List.of(
            new JvmSeries(),
            new RegistrySeries(metrics, RegistrySeries.CHARTED),
            new LatencyQuantileSeries(metrics)),
        maxSeries,
        metrics);
  }

  public SeriesSample sample() {
    SeriesSample sample = new SeriesSample(maxSeries);
    sources.forEach(source -> source.sampleInto(sample));
    cut.inc(sample.cut());
    return sample;
  }
}
