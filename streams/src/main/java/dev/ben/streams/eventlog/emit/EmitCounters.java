package dev.ben.streams.eventlog.emit;

import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * What became of emitted events: {@value #PUBLISHED}{type} counts those recorded, {@value
 * #DROPPED}{reason} those lost. A refused draft is a bug in Ben, told once per type so a hot path
 * emitting it cannot flood the log.
 */
final class EmitCounters {

  static final String PUBLISHED = "ben_eventlog_published_total";
  static final String DROPPED = "ben_eventlog_dropped_total";

  static final String QUEUE_FULL = "queue_full";
  static final String UNAVAILABLE = "unavailable";
  static final String INVALID = "invalid";

  /** The emitter was stopped (the node is shutting down) when the event came. */
  static final String STOPPED = "stopped";

  private static final String PUBLISHED_HELP = "Events Ben's own components recorded in the log.";
  private static final String DROPPED_HELP =
      "Events Ben's own components emitted that never reached the log, by why.";

  private final MetricsRegistry metrics;
  private final Consumer<String> warn;
  private final Set<String> refusedTypes = ConcurrentHashMap.newKeySet();

  EmitCounters(MetricsRegistry metrics, Consumer<String> warn) {
    this.metrics = metrics;
    this.warn = warn;
  }

  void published(String type) {
    metrics.counter(PUBLISHED, PUBLISHED_HELP, Labels.of("type", type)).inc();
  }

  void dropped(String reason) {
    metrics.counter(DROPPED, DROPPED_HELP, Labels.of("reason", reason)).inc();
  }

  void refused(String type, String why) {
    dropped(INVALID);
    if (refusedTypes.add(type)) {
      warn.accept(
          "the event log refused a "
              + type
              + " event Ben made ("
              + why
              + "); such events are dropped and counted in "
              + DROPPED
              + "{reason=\"invalid\"}, and this is told once per type");
    }
  }
}
