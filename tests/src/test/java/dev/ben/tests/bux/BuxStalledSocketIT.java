package dev.ben.tests.bux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A websocket client that subscribes to everything and then never reads (a frozen tab, a client
 * behind a dead link) must cost only itself: every event posted meanwhile is still accepted and
 * stored, as many as were posted.
 */
class BuxStalledSocketIT {

  private static final int BATCHES = 10;
  private static final int PER_BATCH = 300;

  /** Large bodies, so the stalled client's TCP buffers fill within the first batches. */
  private static final String PADDING = "x".repeat(1500);

  @TempDir static Path work;

  private static BuxNode bux;

  @BeforeAll
  static void start() throws IOException {
    bux = BuxNode.start(work);
  }

  @AfterAll
  static void stop() {
    if (bux != null) {
      bux.close();
    }
  }

  @Test
  void aClientThatNeverReadsDoesNotHoldBackThePipeline() throws Exception {
    String cookie = bux.sessionCookie();
    AtomicInteger delivered = new AtomicInteger();
    WebSocket stalled =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .header("Cookie", cookie)
            .buildAsync(
                URI.create("ws://127.0.0.1:" + bux.node.gatewayPort() + "/ws"),
                new WebSocket.Listener() {
                  @Override
                  public void onOpen(WebSocket socket) {
                    // No request(n): the client takes nothing, so the node's writes back up.
                  }

                  @Override
                  public java.util.concurrent.CompletionStage<?> onText(
                      WebSocket socket, CharSequence data, boolean last) {
                    delivered.incrementAndGet();
                    return null;
                  }
                })
            .get(30, TimeUnit.SECONDS);
    for (String topic : new String[] {"tail", "metrics", "pipelines", "cluster"}) {
      stalled
          .sendText(
              "{\"op\":\"subscribe\",\"sub\":\"" + topic + "\",\"topic\":\"" + topic + "\"}", true)
          .get(10, TimeUnit.SECONDS);
    }

    Map<String, Long> before = bux.stageCounters(cookie);
    for (int batch = 0; batch < BATCHES; batch++) {
      StringBuilder events = new StringBuilder();
      for (int i = 0; i < PER_BATCH; i++) {
        events
            .append("{\"ts\": \"2024-05-01T10:00:00Z\", \"tenant\": \"acme\", \"user\": \"u")
            .append(batch * PER_BATCH + i)
            .append("\", \"ip\": \"198.51.100.7\", \"country\": \"FR")
            .append(PADDING)
            .append("\", \"attempts\": 1}\n");
      }
      bux.post("auth", events.toString());
    }
    long posted = (long) BATCHES * PER_BATCH;
    long storedBefore = before.getOrDefault("auth/store/stored", 0L);
    BuxNode.await(
        posted + " events stored while a client stalls",
        () ->
            bux.stageCounters(cookie).getOrDefault("auth/store/stored", 0L)
                >= storedBefore + posted);
    assertEquals(
        storedBefore + posted,
        bux.stageCounters(cookie).get("auth/store/stored"),
        "every event stored once");
    assertEquals(0, delivered.get(), "the stalled client took nothing");
    stalled.abort();
  }
}
