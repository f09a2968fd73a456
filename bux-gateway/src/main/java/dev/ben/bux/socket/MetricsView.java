package dev.ben.bux.socket;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.metrics.StageCounters;
import java.util.Map;

/**
 * The metrics topic's data for one subscriber, one snapshot at a time: every per-stage series with
 * its rate (events per second since the previous snapshot; null in the first), the loss rows, stage
 * latencies (none yet: the registry keeps no histograms) and the JVM's figures. Holds the previous
 * snapshot, so one view serves one subscription.
 */
final class MetricsView {

  private final ObjectMapper mapper;
  private final MetricsRegistry metrics;
  private Map<Labels, Long> previous;
  private long previousAt;

  MetricsView(ObjectMapper mapper, MetricsRegistry metrics) {
    this.mapper = mapper;
    this.metrics = metrics;
  }

  synchronized ObjectNode next(long now) {
    Map<Labels, Long> series = metrics.snapshot().getOrDefault(StageCounters.FAMILY, Map.of());
    ObjectNode data = mapper.createObjectNode().put("at", now);
    data.putArray("nodes");
    ArrayNode stages = data.putArray("stages");
    series.forEach(
        (labels, value) -> {
          ObjectNode entry = stages.addObject();
          labels.asMap().forEach(entry::put);
          entry.put("value", value);
          if (previous == null || now <= previousAt) {
            entry.putNull("rate");
          } else {
            entry.put(
                "rate", (value - previous.getOrDefault(labels, 0L)) * 1000.0 / (now - previousAt));
          }
        });
    LossRows.render(series, data.putArray("loss"));
    data.putArray("latency");
    JvmFigures.render(data.putObject("jvm"));
    previous = series;
    previousAt = now;
    return data;
  }
}
