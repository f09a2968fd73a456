package dev.ben.actors.reads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.bux.api.ReadFailure;
import dev.ben.streams.store.analytics.BeaconQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Web analytics as the gateway shows them: for one pipeline {@code {"at", "pipeline", "window_ms",
 * "visits", "page_views", "top_pages":[{"page","count"}], "referrers":[{"referrer","count"}],
 * "status_codes":[{"code","count"}]}}; for every beacon pipeline {@code {"at", "window_ms",
 * "pipelines":[...]}} with one such object each, in name order.
 */
final class AnalyticsBody {

  private final ObjectMapper mapper;
  private final Duration window;

  AnalyticsBody(ObjectMapper mapper, Duration window) {
    this.mapper = mapper;
    this.window = window;
  }

  ObjectNode all(long at, Map<String, BeaconQuery.Figures> figures) {
    ObjectNode body = mapper.createObjectNode().put("at", at).put("window_ms", window.toMillis());
    ArrayNode pipelines = body.putArray("pipelines");
    figures.forEach((pipeline, each) -> pipelines.add(pipeline(at, pipeline, each)));
    return body;
  }

  /** One pipeline's object of an answer for all; NOT_FOUND when it is not a beacon pipeline. */
  JsonNode one(ObjectNode all, String pipeline) {
    List<String> names = new ArrayList<>();
    for (JsonNode each : all.path("pipelines")) {
      if (each.path("pipeline").asText().equals(pipeline)) {
        return each;
      }
      names.add(each.path("pipeline").asText());
    }
    throw new ReadFailure(
        ReadFailure.Kind.NOT_FOUND,
        "`"
            + pipeline
            + "` is not a beacon pipeline (its active version needs an HTTP sidecar and a schema"
            + " with path and status fields); beacon pipelines: "
            + (names.isEmpty() ? "none" : String.join(", ", names)));
  }

  private ObjectNode pipeline(long at, String pipeline, BeaconQuery.Figures figures) {
    ObjectNode out =
        mapper
            .createObjectNode()
            .put("at", at)
            .put("pipeline", pipeline)
            .put("window_ms", window.toMillis())
            .put("visits", figures.visits())
            .put("page_views", figures.pageViews());
    ranking(out.putArray("top_pages"), "page", figures.pages());
    ranking(out.putArray("referrers"), "referrer", figures.referrers());
    ranking(out.putArray("status_codes"), "code", figures.statusCodes());
    return out;
  }

  private static void ranking(ArrayNode out, String field, List<BeaconQuery.Count> counts) {
    for (BeaconQuery.Count count : counts) {
      ObjectNode entry = out.addObject();
      entry.set(field, count.value());
      entry.put("count", count.count());
    }
  }
}
