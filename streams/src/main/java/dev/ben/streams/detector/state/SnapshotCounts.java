package dev.ben.streams.detector.state;

import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;

/**
 * Counts detector snapshots in {@value #FAMILY} by pipeline, outcome and reason: one per detector
 * snapshot written, restored (read from the store when a shard starts, or taken over from the
 * previous contract version), trimmed (least recently used keys left out to fit the size bound) or
 * failed. Events are counted in {@value #EVENTS_FAMILY} as {@code detected} by a shard and {@code
 * saved} once a snapshot holding them is written: on one node, the difference is what a crash of
 * that node would lose of its shards' state.
 */
public final class SnapshotCounts {

  public static final String FAMILY = "ben_detector_snapshots_total";
  static final String HELP = "Detector state snapshots written, restored, trimmed and failed.";

  public static final String EVENTS_FAMILY = "ben_detector_snapshot_events_total";
  static final String EVENTS_HELP =
      "Events a detector shard detected, and those since saved in a written snapshot.";
  public static final String DETECTED = "detected";
  public static final String SAVED = "saved";

  public static final String WRITTEN = "written";
  public static final String RESTORED = "restored";
  public static final String TRIMMED = "trimmed";
  public static final String FAILED = "failed";

  public static final String EVENTS = "events";
  public static final String INTERVAL = "interval";
  public static final String STOP = "shard stopped";
  public static final String START = "shard started";
  public static final String VERSION = "unchanged in a new version";
  public static final String TOO_LARGE = "over the size bound";
  public static final String READ = "read failed";
  public static final String WRITE = "write failed";
  public static final String UNREADABLE = "unreadable snapshot";

  private final MetricsRegistry metrics;
  private final String pipeline;
  // Counted after every round: the handles are looked up once, not per round.
  private final CounterDataPoint detected;
  private final CounterDataPoint saved;

  public SnapshotCounts(MetricsRegistry metrics, String pipeline) {
    this.metrics = metrics;
    this.pipeline = pipeline;
    this.detected = metrics.counter(EVENTS_FAMILY, EVENTS_HELP, eventLabels(DETECTED));
    this.saved = metrics.counter(EVENTS_FAMILY, EVENTS_HELP, eventLabels(SAVED));
  }

  void add(String outcome, String reason, long snapshots) {
    if (snapshots > 0) {
      metrics.counter(FAMILY, HELP, labels(outcome, reason)).inc(snapshots);
    }
  }

  void events(String state, long events) {
    (DETECTED.equals(state) ? detected : saved).inc(events);
  }

  /** Events {@code detected} or {@code saved} on this node. */
  public long events(String state) {
    return metrics.value(EVENTS_FAMILY, eventLabels(state));
  }

  private Labels eventLabels(String state) {
    return Labels.of("pipeline", pipeline, "state", state);
  }

  public long count(String outcome, String reason) {
    return metrics.value(FAMILY, labels(outcome, reason));
  }

  private Labels labels(String outcome, String reason) {
    return Labels.of("pipeline", pipeline, "outcome", outcome, "reason", reason);
  }
}
