package dev.ben.bux.socket;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletionStage;

/**
 * A snapshot topic's source in the node: what a subscriber with this filter should see now (the
 * {@code /api/v1/cluster} body, say). It completes in bounded time, failing with a message a person
 * can act on when its backend does not answer; the topic reads it again every {@code
 * ben.gateway.counters-interval} while subscribed.
 */
@FunctionalInterface
public interface SnapshotPort {
  CompletionStage<JsonNode> read(TopicFilter filter);
}
