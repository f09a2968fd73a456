package dev.ben.streams.history;

/**
 * Something the sampler reads series from: the node's metrics registry, the JVM, and the quantiles
 * of latency histograms (as gauges named with a {@code quantile} label).
 */
@FunctionalInterface
public interface SeriesSource {

  /** Adds the source's current series to {@code sample}. */
  void sampleInto(SeriesSample sample);
}
