package dev.ben.bux;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.bux.api.ApiRoutes;
import dev.ben.bux.socket.TopicFilter;
import dev.ben.bux.socket.TopicPorts;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The websocket's snapshot topics that show what ben_api answers: {@code cluster} and {@code
 * pipelines} push the bodies of {@code /api/v1/cluster} and {@code /api/v1/pipelines}, {@code
 * history} the body of {@code /api/v1/metrics/history} (filter {@code since}, epoch ms or ISO-8601,
 * and {@code series}, comma-separated), so a page sees the same figures either way. The node's own
 * topic sources (analytics, decisions) pass through.
 */
final class GatewayTopics {

  private GatewayTopics() {}

  static TopicPorts of(GatewayPorts ports, ApiRoutes api, ObjectMapper mapper) {
    TopicPorts lent = ports.topics();
    return new TopicPorts(
        Optional.of(filter -> api.clusterBody()),
        Optional.of(filter -> api.pipelinesBody()),
        lent.analytics(),
        Optional.of(filter -> history(ports.history(), mapper, filter)),
        lent.decisions());
  }

  private static CompletionStage<JsonNode> history(
      MetricsHistory history, ObjectMapper mapper, TopicFilter filter) {
    HistoryQuery query;
    try {
      query = HistoryQuery.parse(filter.get("since"), filter.get("series"));
    } catch (HistoryQuery.Invalid e) {
      return CompletableFuture.failedFuture(e);
    }
    return history
        .since(query.sinceMs(), query.series())
        .thenApply(view -> HistoryRoutes.body(mapper, view));
  }
}
