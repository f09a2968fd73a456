package dev.ben.bux;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.streams.live.LiveHub;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.metrics.StageCounters;
import java.util.Map;

/**
 * The websocket's counters frame: every per-stage series, plus how many live messages the tap
 * dropped, stamped with the time it was taken so the page can show how old its numbers are.
 */
final class CountersMessage {

  private CountersMessage() {}

  static String render(
      ObjectMapper mapper, MetricsRegistry metrics, LiveHub<String> live, long nowMillis) {
    ObjectNode message =
        mapper
            .createObjectNode()
            .put("type", "counters")
            .put("at", nowMillis)
            .put("live_dropped", live.dropped());
    ArrayNode series = message.putArray("series");
    Map<Labels, Long> stageSeries = metrics.snapshot().getOrDefault(StageCounters.FAMILY, Map.of());
    stageSeries.forEach(
        (labels, value) -> {
          ObjectNode entry = series.addObject();
          labels.asMap().forEach(entry::put);
          entry.put("value", value);
        });
    return message.toString();
  }
}
