package dev.ben.actors.detector;

import dev.ben.streams.detector.DetectorSkips;
import dev.ben.streams.detector.ShardDetectors;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns a shard's running totals into this member's counters: keys evicted per detector ({@value
 * #EVICTED}) and events that no longer fit their schema once redacted (a detector skip). One per
 * shard.
 */
public final class ShardReports {

  public static final String EVICTED = "ben_detector_evicted_total";
  public static final String UNFIT = "does not fit the schema once redacted";

  private final MetricsRegistry metrics;
  private final Map<String, Long> reported = new HashMap<>();

  public ShardReports(MetricsRegistry metrics) {
    this.metrics = metrics;
  }

  void after(String pipeline, ShardDetectors state) {
    state
        .evictions()
        .forEach(
            (detector, total) ->
                add(
                    pipeline,
                    "evicted/" + state.version() + "/" + detector,
                    total,
                    Labels.of("pipeline", pipeline, "detector", detector),
                    EVICTED,
                    "Detector keys evicted to keep state bounded."));
    add(
        pipeline,
        "unfit/" + state.version(),
        state.unfit(),
        Labels.of("pipeline", pipeline, "reason", UNFIT),
        DetectorSkips.FAMILY,
        DetectorSkips.HELP);
  }

  private void add(
      String pipeline, String key, long total, Labels labels, String family, String help) {
    long before = reported.getOrDefault(pipeline + "/" + key, 0L);
    if (total > before) {
      metrics.counter(family, help, labels).inc(total - before);
      reported.put(pipeline + "/" + key, total);
    }
  }
}
