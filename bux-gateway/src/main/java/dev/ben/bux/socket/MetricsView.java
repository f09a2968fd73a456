package dev.ben.bux.socket;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.metrics.RecentQuantiles;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageLatency;
import java.util.List;
import java.util.Map;

/**
 * The metrics topic's data for one subscriber, one snapshot at a time: the nodes whose figures it
 * holds (this node), every per-stage series with its rate (events per second since the previous
 * snapshot; null in the first), the loss rows, each stage's batch latency p50 and p99 over the same
 * interval (null where the stage timed no batch in it, and in the first snapshot) and the JVM's
 * figures. Holds the previous snapshot, so one view serves one subscription.
 */
final class MetricsView {

  private final ObjectMapper mapper;
  private final MetricsRegistry metrics;
  private final RecentQuantiles latency = new RecentQuantiles();
  private Map<Labels, Long> previous;
  private long previousAt;

  MetricsView(ObjectMapper mapper, MetricsRegistry metrics) {
    this.mapper = mapper;
    this.metrics = metrics;
  }

  synchronized ObjectNode next(long now, List<String> nodes) {
    Map<Labels, Long> series = metrics.snapshot().getOrDefault(StageCounters.FAMILY, Map.of());
    ObjectNode data = mapper.createObjectNode().put("at", now);
    nodes.forEach(data.putArray("nodes")::add);
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
    latencyRows(data.putArray("latency"));
    JvmFigures.render(data.putObject("jvm"));
    previous = series;
    previousAt = now;
    return data;
  }

  private void latencyRows(ArrayNode rows) {
    latency
        .next(metrics.scrape())
        .forEach(
            (series, window) -> {
              if (series.family().equals(StageLatency.FAMILY)) {
                ObjectNode row = rows.addObject();
                series.labels().asMap().forEach(row::put);
                milliseconds(row, "p50_ms", window.p50Seconds());
                milliseconds(row, "p99_ms", window.p99Seconds());
              }
            });
  }

  private static void milliseconds(ObjectNode row, String field, double seconds) {
    if (Double.isNaN(seconds)) {
      row.putNull(field);
    } else {
      row.put(field, seconds * 1000);
    }
  }
}
