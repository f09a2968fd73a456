package dev.ben.bux;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.bux.api.ApiRoutes;
import dev.ben.bux.socket.StreamPort;
import dev.ben.bux.socket.TopicFilter;
import dev.ben.bux.socket.TopicPorts;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The websocket's snapshot topics that show what ben_api answers: {@code cluster} and {@code
 * pipelines} push the bodies of {@code /api/v1/cluster} and {@code /api/v1/pipelines}, {@code
 * history} the body of {@code /api/v1/metrics/history} (filter {@code since}, epoch ms or ISO-8601,
 * and {@code series}, comma-separated), so a page sees the same figures either way, and {@code
 * decisions} the event log's new firings, suppressions and signals, read every {@code
 * ben.gateway.counters-interval} (unless the node lends a source of its own), and {@code totals}
 * the body of {@code /api/v1/metrics/totals}. Analytics passes through from the node.
 */
final class GatewayTopics {

  private GatewayTopics() {}

  static TopicPorts of(
      GatewayPorts ports,
      ApiRoutes api,
      TotalsRoutes totals,
      ObjectMapper mapper,
      Duration decisionsEvery) {
    TopicPorts lent = ports.topics();
    StreamPort decisions =
        lent.decisions()
            .orElseGet(
                () ->
                    new DecisionsFeed(
                        ports.eventLog(),
                        new EventLogJson(mapper),
                        decisionsEvery,
                        System::currentTimeMillis));
    return new TopicPorts(
        Optional.of(filter -> api.clusterBody()),
        Optional.of(filter -> api.pipelinesBody()),
        lent.analytics(),
        Optional.of(filter -> history(ports.history(), mapper, filter)),
        Optional.of(decisions),
        Optional.of(filter -> totals.body()));
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
