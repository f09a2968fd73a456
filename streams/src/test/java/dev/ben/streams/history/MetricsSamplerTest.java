package dev.ben.streams.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageLatency;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsSamplerTest {

  @Test
  void readsTheChartedFamiliesCountersAsCountersAndTheRestAsGauges() {
    MetricsRegistry metrics = new MetricsRegistry();
    new StageCounters(metrics, "auth", "spine").accepted(7);
    metrics.gauge("ben_spill_bytes", "spilled", Labels.of("pipeline", "auth"), () -> 42);
    metrics.counter("ben_gateway_requests_total", "not charted", Labels.NONE).inc();

    SeriesSample sample = MetricsSampler.forNode(metrics, 1000).sample();

    assertEquals(
        7.0,
        sample
            .counters()
            .get(
                "ben_stage_events_total{outcome=\"accepted\",pipeline=\"auth\",reason=\"\","
                    + "stage=\"spine\"}"));
    assertEquals(42.0, sample.gauges().get("ben_spill_bytes{pipeline=\"auth\"}"));
    assertFalse(sample.counters().containsKey("ben_gateway_requests_total"));
    assertTrue(sample.gauges().get(JvmSeries.HEAP_USED) > 0);
    assertTrue(sample.counters().containsKey(JvmSeries.GC_SECONDS));
  }

  @Test
  void aTimeHistogramGivesItsRecentMedianAndP99AsQuantileGauges() {
    MetricsRegistry metrics = new MetricsRegistry();
    var store = StageLatency.of(metrics, "auth", "store");
    MetricsSampler sampler = MetricsSampler.forNode(metrics, 1000);
    store.observe(3.0);
    String p99 = "ben_stage_batch_seconds{pipeline=\"auth\",quantile=\"0.99\",stage=\"store\"}";
    assertFalse(sampler.sample().gauges().containsKey(p99), "the first sample is the baseline");
    for (int i = 0; i < 20; i++) {
      store.observe(0.004);
    }
    SeriesSample sample = sampler.sample();
    // Within (0.0025, 0.005]: the 3 s batch before the baseline is not recent.
    double median =
        sample
            .gauges()
            .get("ben_stage_batch_seconds{pipeline=\"auth\",quantile=\"0.5\",stage=\"store\"}");
    assertTrue(median > 0.0025 && median <= 0.005, sample.gauges().toString());
    assertTrue(sample.gauges().get(p99) <= 0.005, sample.gauges().toString());
    assertFalse(sampler.sample().gauges().containsKey(p99), "nothing observed since");
  }

  @Test
  void countsTheSeriesItCuts() {
    MetricsRegistry metrics = new MetricsRegistry();
    SeriesSource five =
        sample -> {
          for (int i = 0; i < 5; i++) {
            sample.gauge("g" + i, i);
          }
        };
    MetricsSampler sampler = new MetricsSampler(List.of(five), 3, metrics);
    assertEquals(2, sampler.sample().cut());
    sampler.sample();
    assertEquals(4, metrics.value(MetricsSampler.CUT, Labels.NONE));
  }
}
