package dev.ben.streams.detector;

import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts events that went on without detection, by reason, in {@value #FAMILY}: the event itself is
 * forwarded and stored, but no detector saw it and no playbook could fire on it.
 */
public final class DetectorSkips {

  public static final String FAMILY = "ben_detector_skipped_total";
  public static final String HELP = "Events that went on without detection, by reason.";
  public static final String VERSION_GONE = "contract version no longer held on this member";
  public static final String NOT_LOADED = "contract version not loaded on the shard's member";
  public static final String NO_ANSWER = "detector shard did not answer";
  public static final String REFUSED = "detector shard refused the round";

  private final MetricsRegistry metrics;
  private final String pipeline;

  /** The series of each reason counted so far: counting looks up no labels. */
  private final Map<String, CounterDataPoint> byReason = new ConcurrentHashMap<>();

  public DetectorSkips(MetricsRegistry metrics, String pipeline) {
    this.metrics = metrics;
    this.pipeline = pipeline;
  }

  public void skipped(String reason, long events) {
    CounterDataPoint counter = byReason.get(reason);
    if (counter == null) {
      counter =
          byReason.computeIfAbsent(
              reason,
              r -> metrics.counter(FAMILY, HELP, Labels.of("pipeline", pipeline, "reason", r)));
    }
    counter.inc(events);
  }

  public MetricsRegistry registry() {
    return metrics;
  }

  public String pipeline() {
    return pipeline;
  }

  public long count(String reason) {
    return metrics.value(FAMILY, Labels.of("pipeline", pipeline, "reason", reason));
  }
}
