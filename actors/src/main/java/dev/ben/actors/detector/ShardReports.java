package dev.ben.actors.detector;

import dev.ben.streams.detector.DetectorSkips;
import dev.ben.streams.detector.ShardDetectors;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns a shard's running totals into this member's counters: keys evicted per detector ({@value
 * #EVICTED}) and events that no longer fit their schema once redacted (a detector skip). One per
 * shard.
 */
public final class ShardReports {

  public static final String EVICTED = "ben_detector_evicted_total";
  public static final String UNFIT = "does not fit the schema once redacted";

  private final MetricsRegistry metrics;
  private final Map<Reported, Long> reported = new HashMap<>();

  /** A running total of a version: a detector's evictions, or (no detector) unfit events. */
  private record Reported(String pipeline, long version, String detector) {}

  public ShardReports(MetricsRegistry metrics) {
    this.metrics = metrics;
  }

  /**
   * Runs after every round, so it only compares totals; a series is looked up when its total grew,
   * which a round of one event without evictions never does.
   */
  void after(String pipeline, ShardDetectors state) {
    state
        .evictions()
        .forEach(
            (detector, total) ->
                add(
                    new Reported(pipeline, state.version(), detector),
                    total,
                    () -> Labels.of("pipeline", pipeline, "detector", detector),
                    EVICTED,
                    "Detector keys evicted to keep state bounded."));
    add(
        new Reported(pipeline, state.version(), null),
        state.unfit(),
        () -> Labels.of("pipeline", pipeline, "reason", UNFIT),
        DetectorSkips.FAMILY,
        DetectorSkips.HELP);
  }

  private void add(Reported key, long total, Supplier<Labels> labels, String family, String help) {
    long before = reported.getOrDefault(key, 0L);
    if (total > before) {
      metrics.counter(family, help, labels.get()).inc(total - before);
      reported.put(key, total);
    }
  }
}
