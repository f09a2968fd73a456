package dev.ben.streams.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The loss-accounting counters of one stage of one pipeline (docs/architecture.md, invariant 4):
 * every event a stage accepts is forwarded, stored, or counted as refused, shed, spilled, expired
 * or routed (to the Lucius scrub queue), each with its reason. All series share the family {@value
 * #FAMILY} so they add up in one query.
 */
public final class StageCounters {

  public static final String FAMILY = "ben_stage_events_total";
  private static final String HELP = "Events seen by a data-path stage, by outcome and reason.";

  /** What happened to an event at a stage. */
  public enum Outcome {
    ACCEPTED,
    FORWARDED,
    STORED,
    REFUSED,
    SHED,
    SPILLED,
    EXPIRED,
    ROUTED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final MetricsRegistry registry;
  private final String pipeline;
  private final String stage;
  private final CounterDataPoint accepted;
  private final CounterDataPoint forwarded;
  private final Map<Outcome, Map<String, CounterDataPoint>> byOutcomeAndReason =
      new EnumMap<>(Outcome.class);

  public StageCounters(MetricsRegistry registry, String pipeline, String stage) {
    this.registry = registry;
    this.pipeline = pipeline;
    this.stage = stage;
    this.accepted = handle(Outcome.ACCEPTED, "");
    this.forwarded = handle(Outcome.FORWARDED, "");
    for (Outcome outcome : Outcome.values()) {
      byOutcomeAndReason.put(outcome, new ConcurrentHashMap<>());
    }
  }

  public void accepted() {
    accepted.inc();
  }

  public void accepted(long count) {
    accepted.inc(count);
  }

  public void forwarded() {
    forwarded.inc();
  }

  public void forwarded(long count) {
    forwarded.inc(count);
  }

  /**
   * Counts an outcome with a reason; reasons are short snake_case words (malformed_json,
   * shed_oldest, ...).
   */
  public void count(Outcome outcome, String reason, long count) {
    Map<String, CounterDataPoint> byReason = byOutcomeAndReason.get(outcome);
    CounterDataPoint counter = byReason.get(reason);
    if (counter == null) {
      counter = byReason.computeIfAbsent(reason, r -> handle(outcome, r));
    }
    counter.inc(count);
  }

  public void count(Outcome outcome, String reason) {
    count(outcome, reason, 1);
  }

  public long value(Outcome outcome, String reason) {
    return registry.value(FAMILY, labels(outcome, reason));
  }

  /** Sum over every reason of an outcome. */
  public long total(Outcome outcome) {
    return registry.snapshot().getOrDefault(FAMILY, Map.of()).entrySet().stream()
        .filter(e -> matches(e.getKey(), outcome))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /**
   * Every outcome's total (over its reasons) for this stage, by outcome label, from one snapshot.
   */
  public Map<String, Long> totals() {
    Map<String, Long> totals = new java.util.TreeMap<>();
    for (Outcome outcome : Outcome.values()) {
      totals.put(outcome.label(), 0L);
    }
    registry
        .snapshot()
        .getOrDefault(FAMILY, Map.of())
        .forEach(
            (labels, value) -> {
              Map<String, String> map = labels.asMap();
              if (pipeline.equals(map.get("pipeline")) && stage.equals(map.get("stage"))) {
                totals.merge(map.get("outcome"), value, Long::sum);
              }
            });
    return totals;
  }

  public MetricsRegistry registry() {
    return registry;
  }

  public String pipeline() {
    return pipeline;
  }

  public String stage() {
    return stage;
  }

  private boolean matches(Labels labels, Outcome outcome) {
    Map<String, String> map = labels.asMap();
    return pipeline.equals(map.get("pipeline"))
        && stage.equals(map.get("stage"))
        && outcome.label().equals(map.get("outcome"));
  }

  private CounterDataPoint handle(Outcome outcome, String reason) {
    return registry.counter(FAMILY, HELP, labels(outcome, reason));
  }

  private Labels labels(Outcome outcome, String reason) {
    return Labels.of(
        "pipeline", pipeline, "stage", stage, "outcome", outcome.label(), "reason", reason);
  }
}
