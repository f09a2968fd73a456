package dev.ben.bux;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A JDK websocket listener that queues every text frame as JSON, for a test to wait on. */
final class FrameCollector implements WebSocket.Listener {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
  private final StringBuilder partial = new StringBuilder();

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      try {
        frames.add(JSON.readTree(partial.toString()));
      } catch (Exception e) {
        throw new AssertionError("a websocket frame was not JSON: " + partial, e);
      }
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  /**
   * Waits for a frame that matches, running {@code poke} before each wait (to publish again what a
   * subscription that is still attaching may have missed).
   */
  JsonNode awaitFrame(String what, Predicate<JsonNode> matches, Runnable poke)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    List<JsonNode> seen = new ArrayList<>();
    while (Instant.now().isBefore(deadline)) {
      poke.run();
      JsonNode frame = frames.poll(200, TimeUnit.MILLISECONDS);
      if (frame != null && matches.test(frame)) {
        return frame;
      }
      if (frame != null) {
        seen.add(frame);
      }
    }
    throw new AssertionError("no " + what + " within 10 s; frames seen: " + seen);
  }

  JsonNode awaitFrame(String what, Predicate<JsonNode> matches) throws InterruptedException {
    return awaitFrame(what, matches, () -> {});
  }
}
