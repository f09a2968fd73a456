package dev.ben.streams.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Ben's metrics of one node, on its own {@link PrometheusRegistry}: callers name a series by (name,
 * help, {@link Labels}) and keep the handle they get back, so the per-event path is the library's
 * lock-free increment and never a lookup. Ben keeps this facade over the library because its
 * callers and tests read counters back by name and labels ({@link #snapshot()}, {@link #value}) for
 * the websocket frames and loss accounting, which the library's registry only offers as scrape
 * snapshots.
 */
public final class MetricsRegistry {

  /** The content type of {@link #prometheusText()}: the text exposition format 0.0.4. */
  public static final String PROMETHEUS_CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

  private static final PrometheusTextFormatWriter TEXT = PrometheusTextFormatWriter.create();

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Map<String, MetricFamily> families = new ConcurrentHashMap<>();
  private volatile boolean withJvm;

  /**
   * Returns the counter for this name and label set, creating it (and its family, with these label
   * names) on first use.
   *
   * @throws IllegalArgumentException if the family exists with other label names or another kind
   */
  public CounterDataPoint counter(String name, String help, Labels labels) {
    return family(name, CounterFamily.class, () -> new CounterFamily(registry, name, help, labels))
        .point(labels);
  }

  /**
   * Registers a gauge read at scrape time; a later registration with the same labels replaces it.
   */
  public void gauge(String name, String help, Labels labels, LongSupplier value) {
    family(name, GaugeFamily.class, () -> new GaugeFamily(registry, name, help, labels))
        .put(labels, value);
  }

  /**
   * Returns the histogram series for this name and label set; {@code buckets} are the classic upper
   * bounds (seconds for times, counts for sizes), the same for every series of the name.
   */
  public DistributionDataPoint histogram(
      String name, String help, Labels labels, double... buckets) {
    return family(
            name,
            HistogramFamily.class,
            () -> new HistogramFamily(registry, name, help, labels, buckets))
        .point(labels, buckets);
  }

  /**
   * Adds the process's JVM and process metrics ({@code jvm_memory_*}, {@code jvm_gc_*}, {@code
   * jvm_threads_*}, {@code process_*}) to this registry's scrape; they are registered once per
   * process however many registries ask.
   */
  public MetricsRegistry withJvmMetrics() {
    withJvm = true;
    return this;
  }

  /** Current value of a counter or gauge (a histogram's count), or 0 if it was never created. */
  public long value(String name, Labels labels) {
    MetricFamily family = families.get(name);
    return family == null ? 0 : family.value(labels);
  }

  /**
   * Every series of Ben's own families (histograms as their counts), keyed by family name then
   * labels, sorted for stable output.
   */
  public Map<String, Map<Labels, Long>> snapshot() {
    Map<String, Map<Labels, Long>> out = new TreeMap<>();
    families.forEach(
        (name, family) -> {
          Map<Labels, Long> values = new TreeMap<>();
          family.values(values);
          out.put(name, values);
        });
    return out;
  }

  /**
   * Every metric of this registry (with the JVM's, if asked for) as the library's snapshots, for
   * readers of whole families: histogram buckets, JVM figures.
   */
  public MetricSnapshots scrape() {
    MetricSnapshots own = registry.scrape();
    if (!withJvm) {
      return own;
    }
    MetricSnapshots.Builder all = MetricSnapshots.builder();
    own.forEach(all::metricSnapshot);
    JvmFigures.scrape().forEach(all::metricSnapshot);
    return all.build();
  }

  /** Every metric of this registry in the Prometheus text exposition format (version 0.0.4). */
  public byte[] prometheusText() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16384);
    try {
      TEXT.write(out, scrape());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to memory", e);
    }
    return out.toByteArray();
  }

  private <F extends MetricFamily> F family(String name, Class<F> kind, Supplier<F> create) {
    MetricFamily family = families.get(name);
    if (family == null) {
      family = families.computeIfAbsent(name, n -> create.get());
    }
    if (!kind.isInstance(family)) {
      throw new IllegalArgumentException("metric " + name + " is already a " + family.kind());
    }
    return kind.cast(family);
  }
}
