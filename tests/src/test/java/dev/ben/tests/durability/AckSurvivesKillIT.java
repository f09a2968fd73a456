package dev.ben.tests.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.store.ClickHouseStore;
import dev.ben.streams.store.EmbeddedStore;
import dev.ben.tests.control.BenctlLogin;
import dev.ben.tests.support.NodeProcess;
import dev.ben.tests.support.NumberedEvents;
import dev.ben.tests.support.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

  private static final int REQUESTS = 20;
  private static final int EVENTS_PER_REQUEST = 1_000;
  private static final int EVENTS = REQUESTS * EVENTS_PER_REQUEST;
  private static final Duration START = Duration.ofSeconds(90);
  private static final Duration STORED = Duration.ofSeconds(90);
  private static final Duration POLL = Duration.ofMillis(250);

  @TempDir Path work;

  private NodeProcess node;
  private Path home;
  private int ingestPort;
  private int controlPort;
  private int gatewayPort;
  private String config;

  @AfterEach
  void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void onClickHouseEveryAcknowledgedEventIsStoredOnceAfterAKillAndARestart() throws Exception {
    String database = TestServers.unique("ben_kill");
    String connectors =
        "clickhouse { url = \"%s\", database = \"%s\" }"
            .formatted(TestServers.clickHouseUrl(), database);
    NumberedEvents events = acknowledgedThenKilled(connectors);

    node = started();
    try (ClickHouseStore store =
        ClickHouseStore.open(TestServers.clickHouse(database), new ObjectMapper())) {
      assertStoredOnce(awaitAllStored(events, store));
    }
  }

  @Test
  void inTheEmbeddedStoreEveryAcknowledgedEventIsStoredOnceAfterAKillAndARestart()
      throws Exception {
    NumberedEvents events = acknowledgedThenKilled("clickhouse.url = \"\"");

    node = started();
    // The embedded store is the node's own file: wait until the log has handed everything over,
    // then stop the node cleanly and read the file.
    String token = BenctlLogin.token(work.resolve("benctl.json"), "127.0.0.1:" + controlPort);
    awaitLogEmpty(token);
    node.close();
    node = null;
    try (EmbeddedStore store =
        EmbeddedStore.open(home.resolve("data/embedded.duckdb"), new ObjectMapper())) {
      assertStoredOnce(events.stored(store));
    }
  }

  /**
   * Starts a node on these connectors, has it acknowledge {@link #EVENTS} events, and kills it with
   * SIGKILL right after the last answer.
   */
  private NumberedEvents acknowledgedThenKilled(String connectors) throws Exception {
    home = Files.createDirectories(work.resolve("home"));
    ingestPort = NodeProcess.freePort();
    controlPort = NodeProcess.freePort();
    gatewayPort = NodeProcess.freePort();
    config = config(connectors);
    node = started();
    String control = "127.0.0.1:" + controlPort;
    NumberedEvents events =
        new NumberedEvents(
            BenctlLogin.appKey(
                BenctlLogin.loggedIn(work.resolve("benctl.json"), control, START, home),
                control,
                "shop"));
    long sending = System.nanoTime();
    for (int request = 0; request < REQUESTS; request++) {
      assertTrue(events.post(ingestPort, EVENTS_PER_REQUEST), "request " + request);
    }
    long sentMillis = (System.nanoTime() - sending) / 1_000_000;
    node.kill();
    System.out.printf(
        "%d events acknowledged in %d ms (%.0f events/s, one request at a time), then SIGKILL%n",
        EVENTS, sentMillis, EVENTS * 1000.0 / Math.max(1, sentMillis));
    return events;
  }

  private static void assertStoredOnce(NumberedEvents.Stored stored) {
    assertEquals(0, stored.missingAcknowledged(), "acknowledged but not stored: " + stored);
    assertEquals(EVENTS, stored.distinct(), "distinct events stored: " + stored);
    assertEquals(EVENTS, stored.rows(), "rows, one per event id: " + stored);
  }

  /** Polls the node's metrics until its ingest log for demo holds nothing. */
  private void awaitLogEmpty(String token) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest metrics =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gatewayPort + "/metrics"))
            .header("Authorization", "Bearer " + token)
            .build();
    long deadline = System.nanoTime() + STORED.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      HttpResponse<String> answer = http.send(metrics, HttpResponse.BodyHandlers.ofString());
      assertEquals(200, answer.statusCode(), answer.body());
      last =
          answer
              .body()
              .lines()
              .filter(line -> line.startsWith("ben_wal_entries{pipeline=\"demo\"}"))
              .findFirst()
              .orElse("");
      if (last.endsWith(" 0") || last.endsWith(" 0.0")) {
        return;
      }
      Thread.sleep(POLL.toMillis());
    }
    throw new AssertionError("the ingest log of demo did not empty: " + last);
  }

  private NodeProcess started() throws Exception {
    NodeProcess started = NodeProcess.node("node", work, config);
    started.awaitLine(line -> line.contains("is up: roles"), "that it is up", START);
    return started;
  }

  /** Polls until every acknowledged event is stored (or the wait is over): the last answer. */
  private static NumberedEvents.Stored awaitAllStored(NumberedEvents events, ClickHouseStore store)
      throws InterruptedException {
    long deadline = System.nanoTime() + STORED.toNanos();
    NumberedEvents.Stored stored = events.stored(store);
    while (stored.missingAcknowledged() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(POLL.toMillis());
      stored = events.stored(store);
    }
    return stored;
  }

  private String config(String connectors) {
    return """
        ben.home = "%s"
        ben.node { host = "127.0.0.1", port = %d, seeds = [] }
        ben.ingest { port = %d, socket.port = 0 }
        ben.gateway.port = %d
        ben.control.port = %d
        ben.connectors { nats.url = "", s3.endpoint = "", %s }
        """
        .formatted(home, NodeProcess.freePort(), ingestPort, gatewayPort, controlPort, connectors);
  }
}
