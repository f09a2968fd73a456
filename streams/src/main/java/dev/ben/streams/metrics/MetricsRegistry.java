package dev.ben.streams.metrics;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Counters and gauges of one process. Callers obtain a handle once (at stage start) and increment
 * it per event; looking a counter up is not meant for the per-event path.
 */
public final class MetricsRegistry {

  private final Map<String, Family> families = new ConcurrentHashMap<>();

  /** Returns the counter for this name and label set, creating it (and its family) on first use. */
  public LongAdder counter(String name, String help, Labels labels) {
    Family family = family(name, help, Family.Kind.COUNTER);
    return family.counters.computeIfAbsent(labels, l -> new LongAdder());
  }

  /**
   * Registers a gauge read at scrape time; a later registration with the same labels replaces it.
   */
  public void gauge(String name, String help, Labels labels, LongSupplier value) {
    family(name, help, Family.Kind.GAUGE).gauges.put(labels, value);
  }

  /** Current value of a counter, or 0 if it was never created. */
  public long value(String name, Labels labels) {
    Family family = families.get(name);
    if (family == null) {
      return 0;
    }
    LongAdder counter = family.counters.get(labels);
    if (counter != null) {
      return counter.sum();
    }
    LongSupplier gauge = family.gauges.get(labels);
    return gauge == null ? 0 : gauge.getAsLong();
  }

  /**
   * A consistent-enough snapshot of every series, keyed by family name then labels, sorted for
   * stable output.
   */
  public Map<String, Map<Labels, Long>> snapshot() {
    Map<String, Map<Labels, Long>> out = new TreeMap<>();
    families.forEach((name, family) -> out.put(name, family.values()));
    return out;
  }

  /** The Prometheus text exposition format (version 0.0.4). */
  public String renderPrometheus() {
    StringBuilder out = new StringBuilder(4096);
    new TreeMap<>(families).forEach((name, family) -> family.render(name, out));
    return out.toString();
  }

  private Family family(String name, String help, Family.Kind kind) {
    Family family = families.computeIfAbsent(name, n -> new Family(help, kind));
    if (family.kind != kind) {
      throw new IllegalArgumentException("metric " + name + " is already a " + family.kind);
    }
    return family;
  }

  private static final class Family {
    enum Kind {
      COUNTER,
      GAUGE
    }

    final String help;
    final Kind kind;
    final Map<Labels, LongAdder> counters = new ConcurrentHashMap<>();
    final Map<Labels, LongSupplier> gauges = new ConcurrentHashMap<>();

    Family(String help, Kind kind) {
      this.help = Objects.requireNonNull(help);
      this.kind = kind;
    }

    Map<Labels, Long> values() {
      Map<Labels, Long> values = new TreeMap<>();
      counters.forEach((labels, counter) -> values.put(labels, counter.sum()));
      gauges.forEach((labels, gauge) -> values.put(labels, gauge.getAsLong()));
      return values;
    }

    void render(String name, StringBuilder out) {
      out.append("# HELP ")
          .append(name)
          .append(' ')
          .append(help.replace("\\", "\\\\").replace("\n", "\\n"))
          .append('\n');
      out.append("# TYPE ")
          .append(name)
          .append(' ')
          .append(kind == Kind.COUNTER ? "counter" : "gauge")
          .append('\n');
      values()
          .forEach(
              (labels, value) -> {
                out.append(name);
                labels.renderTo(out);
                out.append(' ').append(value).append('\n');
              });
    }
  }
}
