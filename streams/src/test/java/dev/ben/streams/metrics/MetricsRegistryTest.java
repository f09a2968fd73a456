package dev.ben.streams.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MetricsRegistryTest {

  private static final double[] SECONDS = {0.001, 0.01, 0.1, 1};

  private final MetricsRegistry metrics = new MetricsRegistry();

  @Test
  void aCounterIsCreatedOnceAndCountsThroughItsHandle() {
    CounterDataPoint first =
        metrics.counter("ben_widgets_total", "Widgets.", Labels.of("kind", "blue"));
    first.inc();
    first.inc(4);

    assertSame(first, metrics.counter("ben_widgets_total", "Widgets.", Labels.of("kind", "blue")));
    assertEquals(5, metrics.value("ben_widgets_total", Labels.of("kind", "blue")));
    assertEquals(0, metrics.value("ben_widgets_total", Labels.of("kind", "red")));
    assertEquals(0, metrics.value("ben_nothing_total", Labels.NONE));
  }

  @Test
  void aSeriesWithOtherLabelNamesThanItsFamilyIsRefused() {
    metrics.counter("ben_widgets_total", "Widgets.", Labels.of("kind", "blue"));

    assertThrows(
        IllegalArgumentException.class,
        () -> metrics.counter("ben_widgets_total", "Widgets.", Labels.of("colour", "blue")));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            metrics.counter(
                "ben_widgets_total", "Widgets.", Labels.of("kind", "blue", "reason", "x")));
    assertThrows(
        IllegalArgumentException.class,
        () -> metrics.gauge("ben_widgets_total", "Widgets.", Labels.of("kind", "blue"), () -> 1));
  }

  @Test
  void aGaugeNamedAsACountersFamilyIsRefused() {
    metrics.gauge("ben_sessions", "Open now.", Labels.NONE, () -> 1);

    assertThrows(
        IllegalArgumentException.class,
        () -> metrics.counter("ben_sessions_total", "Opened.", Labels.NONE));
  }

  @Test
  void aHistogramKeepsItsBucketsAndReadsAsItsCount() {
    DistributionDataPoint latency =
        metrics.histogram("ben_step_seconds", "Steps.", Labels.of("step", "a"), SECONDS);
    latency.observe(0.005);
    latency.observe(0.5);

    assertEquals(2, metrics.value("ben_step_seconds", Labels.of("step", "a")));
    assertThrows(
        IllegalArgumentException.class,
        () -> metrics.histogram("ben_step_seconds", "Steps.", Labels.of("step", "b"), 1, 2));
  }

  @Test
  void theSnapshotHoldsEverySeriesByFamilyThenLabels() {
    metrics.counter("ben_widgets_total", "Widgets.", Labels.of("kind", "blue")).inc(2);
    metrics.counter("ben_widgets_total", "Widgets.", Labels.of("kind", "red")).inc();
    metrics.gauge("ben_queue_depth", "Queued.", Labels.NONE, () -> 7);

    Map<String, Map<Labels, Long>> snapshot = metrics.snapshot();

    assertEquals(
        Map.of(Labels.of("kind", "blue"), 2L, Labels.of("kind", "red"), 1L),
        snapshot.get("ben_widgets_total"));
    assertEquals(Map.of(Labels.NONE, 7L), snapshot.get("ben_queue_depth"));
    assertEquals(7, metrics.value("ben_queue_depth", Labels.NONE));
  }

  @Test
  void theTextOutputParsesBackWithEachFamilysType() {
    metrics.counter("ben_widgets_total", "Widgets.", Labels.of("kind", "b\"lue")).inc(3);
    metrics.gauge("ben_queue_depth", "Queued.", Labels.of("queue", "q"), () -> 7);
    metrics.histogram("ben_step_seconds", "Steps.", Labels.of("step", "a"), SECONDS).observe(0.05);
    metrics.withJvmMetrics().withJvmMetrics();

    String text = new String(metrics.prometheusText(), StandardCharsets.UTF_8);
    Map<String, String> types = new TreeMap<>();
    Map<String, Double> samples = new TreeMap<>();
    for (String line : text.lines().toList()) {
      if (line.startsWith("# TYPE ")) {
        String[] parts = line.split(" ");
        assertEquals(null, types.put(parts[2], parts[3]), "one TYPE line per family: " + line);
      } else if (!line.startsWith("#") && !line.isBlank()) {
        int space = line.lastIndexOf(' ');
        samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
      }
    }

    assertEquals("counter", types.get("ben_widgets_total"), text);
    assertEquals("gauge", types.get("ben_queue_depth"), text);
    assertEquals("histogram", types.get("ben_step_seconds"), text);
    assertEquals(3.0, samples.get("ben_widgets_total{kind=\"b\\\"lue\"}"), text);
    assertEquals(7.0, samples.get("ben_queue_depth{queue=\"q\"}"), text);
    assertEquals(0.0, samples.get("ben_step_seconds_bucket{step=\"a\",le=\"0.01\"}"), text);
    assertEquals(1.0, samples.get("ben_step_seconds_bucket{step=\"a\",le=\"0.1\"}"), text);
    assertEquals(1.0, samples.get("ben_step_seconds_bucket{step=\"a\",le=\"+Inf\"}"), text);
    assertEquals(1.0, samples.get("ben_step_seconds_count{step=\"a\"}"), text);
    assertEquals(0.05, samples.get("ben_step_seconds_sum{step=\"a\"}"), 1e-9, text);
    for (String jvm : List.of("jvm_memory_", "jvm_gc_", "jvm_threads_", "process_")) {
      assertTrue(types.keySet().stream().anyMatch(n -> n.startsWith(jvm)), jvm + " in " + text);
    }
  }

  @Test
  void everyRegistryThatAsksShowsTheJvmFiguresAndNoOtherDoes() {
    MetricsRegistry other = new MetricsRegistry().withJvmMetrics();
    metrics.withJvmMetrics();
    MetricsRegistry without = new MetricsRegistry();

    assertTrue(names(metrics).contains("jvm_threads_current"), names(metrics).toString());
    assertTrue(names(other).contains("process_cpu_seconds"), names(other).toString());
    assertTrue(names(without).isEmpty(), names(without).toString());
  }

  private static List<String> names(MetricsRegistry registry) {
    return registry.scrape().stream().map(s -> s.getMetadata().getPrometheusName()).toList();
  }
}
