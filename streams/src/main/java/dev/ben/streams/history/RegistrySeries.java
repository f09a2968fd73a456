package dev.ben.streams.history;

import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import java.util.List;

/**
 * The registry's families bux charts, chosen by name prefix: by Prometheus convention a family
 * named {@code ..._total} is a counter, any other a gauge.
 */
public final class RegistrySeries implements SeriesSource {

  /**
   * What the overview charts: every stage's outcomes, ingest requests and refusals, invocations,
   * store writes, signals, and the spill and Lucius queues behind them.
   */
  public static final List<String> CHARTED =
      List.of(
          "ben_stage_",
          "ben_ingest_",
          "ben_invocation",
          "ben_store_",
          "ben_signals_",
          "ben_spill_",
          "ben_lucius_",
          "ben_history_");

  private final MetricsRegistry registry;
  private final List<String> prefixes;

  public RegistrySeries(MetricsRegistry registry, List<String> prefixes) {
    this.registry = registry;
    this.prefixes = List.copyOf(prefixes);
  }

  @Override
  public void sampleInto(SeriesSample sample) {
    registry
        .snapshot()
        .forEach(
            (family, series) -> {
              if (charted(family)) {
                boolean counter = family.endsWith("_total");
                series.forEach((labels, value) -> add(sample, family, labels, value, counter));
              }
            });
  }

  private boolean charted(String family) {
    return prefixes.stream().anyMatch(family::startsWith);
  }

  private static void add(
      SeriesSample sample, String family, Labels labels, long value, boolean counter) {
    String key = family + labels;
    if (counter) {
      sample.counter(key, value);
    } else {
      sample.gauge(key, value);
    }
  }
}
