package dev.ben.tests.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.store.ClickHouseStore;
import dev.ben.tests.control.BenctlLogin;
import dev.ben.tests.support.NodeProcess;
import dev.ben.tests.support.NumberedEvents;
import dev.ben.tests.support.TestServers;
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
        "%d events acknowledged in %d ms (%.0f events/s), then SIGKILL%n",
        EVENTS, sentMillis, EVENTS * 1000.0 / Math.max(1, sentMillis));

    node = started(config);
    try (ClickHouseStore store =
        ClickHouseStore.open(TestServers.clickHouse(database), new ObjectMapper())) {
      NumberedEvents.Stored stored = awaitAllStored(events, store);
      assertEquals(0, stored.missingAcknowledged(), "acknowledged but not stored: " + stored);
      assertEquals(EVENTS, stored.distinct(), "distinct events stored: " + stored);
      assertEquals(EVENTS, stored.rows(), "rows, one per event id: " + stored);
    }
  }

  private NodeProcess started(String config) throws Exception {
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
