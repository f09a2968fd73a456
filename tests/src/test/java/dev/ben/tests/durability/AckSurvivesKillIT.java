package dev.ben.tests.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.streams.store.ClickHouseStore;
import dev.ben.tests.control.BenctlLogin;
import dev.ben.tests.support.NodeProcess;
import dev.ben.tests.support.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledgement is a promise: a real node process takes 20,000 events in NDJSON requests,
 * answers every one {@code 200}, and is killed with SIGKILL right after the last answer, before its
 * pipeline could have stored them all. Restarted with the same home, it must store every one of
 * them exactly once (ClickHouse, deduplicated by event id; each event carries its own {@code seq}
 * so a copy under a new id would show).
 */
class AckSurvivesKillIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int REQUESTS = 20;
  private static final int EVENTS_PER_REQUEST = 1_000;
  private static final int EVENTS = REQUESTS * EVENTS_PER_REQUEST;
  private static final Duration START = Duration.ofSeconds(90);
  private static final Duration STORED = Duration.ofSeconds(90);
  private static final Duration POLL = Duration.ofMillis(250);

  @TempDir Path work;

  private NodeProcess node;

  @AfterEach
  void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void everyAcknowledgedEventIsStoredOnceAfterAKillAndARestart() throws Exception {
    String database = TestServers.unique("ben_kill");
    Path home = Files.createDirectories(work.resolve("home"));
    int ingestPort = NodeProcess.freePort();
    int controlPort = NodeProcess.freePort();
    String config = config(home, database, ingestPort, controlPort);

    node = started(config);
    String control = "127.0.0.1:" + controlPort;
    String appKey =
        BenctlLogin.appKey(
            BenctlLogin.loggedIn(work.resolve("benctl.json"), control, START, home),
            control,
            "shop");

    HttpClient http = HttpClient.newHttpClient();
    long sending = System.nanoTime();
    for (int request = 0; request < REQUESTS; request++) {
      HttpResponse<String> answer = http.send(batch(ingestPort, appKey, request), ofString());
      assertEquals(200, answer.statusCode(), answer.body());
      assertEquals(EVENTS_PER_REQUEST, JSON.readTree(answer.body()).get("accepted").asLong());
    }
    long sentMillis = (System.nanoTime() - sending) / 1_000_000;
    node.kill();
    System.out.printf(
        "%d events acknowledged in %d ms (%.0f events/s), then SIGKILL%n",
        EVENTS, sentMillis, EVENTS * 1000.0 / Math.max(1, sentMillis));

    node = started(config);
    try (ClickHouseStore store =
        ClickHouseStore.open(TestServers.clickHouse(database), new ObjectMapper())) {
      JsonNode counts = awaitAllStored(store);
      assertEquals(EVENTS, counts.get("seqs").asLong(), "distinct events stored: " + counts);
      assertEquals(EVENTS, counts.get("rows").asLong(), "rows, one per event id: " + counts);
    }
  }

  private NodeProcess started(String config) throws Exception {
    NodeProcess started = NodeProcess.node("node", work, config);
    started.awaitLine(line -> line.contains("is up: roles"), "that it is up", START);
    return started;
  }

  // ClickHouse 18.16 has no JSONExtract*; visitParam* reads a top-level field of the stored body.
  /** Polls until every event is in the store (or the wait is over), returning the last counts. */
  private static JsonNode awaitAllStored(ClickHouseStore store) throws InterruptedException {
    long deadline = System.nanoTime() + STORED.toNanos();
    JsonNode counts;
    do {
      List<ObjectNode> rows =
          store.queryJson(
              "SELECT count() AS rows, uniqExact(visitParamExtractInt(body, 'seq')) AS seqs"
                  + " FROM ben_events FINAL WHERE pipeline = 'demo'");
      counts = rows.get(0);
      if (counts.get("seqs").asLong() >= EVENTS) {
        return counts;
      }
      Thread.sleep(POLL.toMillis());
    } while (System.nanoTime() < deadline);
    return counts;
  }

  private static HttpRequest batch(int port, String appKey, int request) {
    StringBuilder body = new StringBuilder(EVENTS_PER_REQUEST * 64);
    for (int i = 0; i < EVENTS_PER_REQUEST; i++) {
      int seq = request * EVENTS_PER_REQUEST + i;
      body.append("{\"seq\":")
          .append(seq)
          .append(",\"user\":\"u")
          .append(seq % 50)
          .append("\",\"action\":\"view\"}\n");
    }
    return HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/api/v1/events?pipeline=demo"))
        .header("Authorization", "Bearer " + appKey)
        .header("Content-Type", "application/x-ndjson")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
        .build();
  }

  private static HttpResponse.BodyHandler<String> ofString() {
    return HttpResponse.BodyHandlers.ofString();
  }

  private static String config(Path home, String database, int ingestPort, int controlPort) {
    return """
        ben.home = "%s"
        ben.node { host = "127.0.0.1", port = %d, seeds = [] }
        ben.ingest { port = %d, socket.port = 0 }
        ben.gateway.port = 0
        ben.control.port = %d
        ben.connectors {
          nats.url = ""
          s3.endpoint = ""
          clickhouse { url = "%s", database = "%s" }
        }
        """
        .formatted(
            home,
            NodeProcess.freePort(),
            ingestPort,
            controlPort,
            TestServers.clickHouseUrl(),
            database);
  }
}
