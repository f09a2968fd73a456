package dev.ben.bux.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ThisNodeTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theClusterBodysSelfIsAskedUntilItAnswersAndThenKept() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    JsonNode body = JSON.readTree("{\"self\":\"pekko://ben@127.0.0.1:2552\",\"members\":[]}");
    CompletableFuture<JsonNode> slow = new CompletableFuture<>();
    ThisNode node =
        new ThisNode(
            Optional.of(
                filter ->
                    switch (asked.incrementAndGet()) {
                      case 1 -> CompletableFuture.failedFuture(new IllegalStateException("late"));
                      case 2 -> slow;
                      default -> throw new AssertionError("asked again after an answer");
                    }));
    assertEquals(List.of(), node.names(), "the cluster port failed");
    assertEquals(List.of(), node.names(), "a frame does not wait for the answer");
    assertEquals(List.of(), node.names(), "one question at a time");
    slow.complete(body);
    assertEquals(List.of("pekko://ben@127.0.0.1:2552"), node.names());
    assertEquals(List.of("pekko://ben@127.0.0.1:2552"), node.names());
    assertEquals(2, asked.get());
  }

  @Test
  void withoutAClusterPortNoNodeIsNamed() {
    assertEquals(List.of(), new ThisNode(Optional.empty()).names());
  }
}
