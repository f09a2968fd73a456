package dev.ben.streams.store.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.engine.playbook.PlaybookOutcome;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.spine.ContractSlot;
import dev.ben.streams.store.EmbeddedStore;
import dev.ben.streams.store.migrate.DataMigrator;
import dev.ben.streams.store.tables.RawEventTable;
import dev.ben.streams.store.tables.SchemaTableWriter;
import dev.ben.streams.testing.AuthProject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stored events read back from the replica of {@code examples/auth}'s logins table: filtered,
 * newest first, paged by position, with values from the caller bound as parameters.
 */
class ReplicaQueryTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<ReplicaQuery.Table> LOGINS =
      List.of(new ReplicaQuery.Table("logins", List.of("tenant", "user")));

  @TempDir Path dir;
  private EmbeddedStore store;
  private ReplicaQuery query;

  @BeforeEach
  void fill() throws Exception {
    store = EmbeddedStore.open(dir.resolve("store.duckdb"), JSON);
    DataMigrator migrator = new DataMigrator(store, JSON);
    ContractSlot slot = AuthProject.slot(AuthProject.v1(), 1);
    SchemaTableWriter writer =
        new SchemaTableWriter(migrator, slot, RawEventTable.writer(migrator, JSON), JSON);
    List<Envelope> batch = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String event =
          "{\"ts\": \"2024-05-01T10:00:00Z\", \"tenant\": \"acme\", \"user\": \"u"
              + i
              + "\", \"ip\": \"198.51.100.7\", \"attempts\": 1}";
      batch.add(AuthProject.evaluated(slot, "e" + i, 1_000_000L + i * 10_000L, event));
    }
    writer.write(batch);
    new ReplicaKeeper(migrator, new MetricsRegistry(), 100).round();
    query = new ReplicaQuery(store, JSON);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static ReplicaQuery.Filter filter(
      Optional<String> key, int limit, Optional<ReplicaQuery.Position> after) {
    return new ReplicaQuery.Filter(
        1_000,
        2_000,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        key,
        limit,
        after);
  }

  private static List<String> ids(ReplicaQuery.Page page) {
    return page.rows().stream().map(ReplicaQuery.Row::eventId).toList();
  }

  @Test
  void pagesRunNewestFirstAndTheLastSaysNoMore() {
    ReplicaQuery.Page first = query.read(LOGINS, filter(Optional.empty(), 2, Optional.empty()));
    assertEquals(List.of("e4", "e3"), ids(first));
    assertEquals(new ReplicaQuery.Position(1_030, "e3"), first.next().orElseThrow());
    ReplicaQuery.Page second = query.read(LOGINS, filter(Optional.empty(), 2, first.next()));
    assertEquals(List.of("e2", "e1"), ids(second));
    ReplicaQuery.Page last = query.read(LOGINS, filter(Optional.empty(), 2, second.next()));
    assertEquals(List.of("e0"), ids(last));
    assertTrue(last.next().isEmpty());
  }

  @Test
  void aRowSplitsIntoItsBodyAndItsDecisions() {
    ReplicaQuery.Row row =
        query.read(LOGINS, filter(Optional.of("u2"), 10, Optional.empty())).rows().get(0);
    assertEquals("e2", row.eventId());
    assertEquals(1_020, row.receivedAtSeconds());
    assertEquals("auth-service", row.app());
    assertEquals("u2", row.body().get("user").asText());
    assertTrue(row.body().path("rules").isMissingNode(), row.body().toString());
    assertEquals("pass", row.decisions().get("action").asText());
    assertTrue(row.decisions().get("rules").isArray(), row.decisions().toString());
    assertTrue(row.decisions().get("facts").isObject(), row.decisions().toString());
  }

  @Test
  void filtersAreBoundNotWrittenIntoTheStatement() {
    assertEquals(
        List.of("e1"), ids(query.read(LOGINS, filter(Optional.of("u1"), 10, Optional.empty()))));
    assertEquals(
        List.of(),
        ids(query.read(LOGINS, filter(Optional.of("u1' OR '1'='1"), 10, Optional.empty()))));
    var timed =
        new ReplicaQuery.Filter(
            1_010,
            1_030,
            Optional.of("auth-service"),
            Optional.empty(),
            Optional.of("pass"),
            Optional.empty(),
            Optional.empty(),
            10,
            Optional.empty());
    assertEquals(List.of("e2", "e1"), ids(query.read(LOGINS, timed)));
    var ruled =
        new ReplicaQuery.Filter(
            1_000,
            2_000,
            Optional.empty(),
            Optional.of("brute_force"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            10,
            Optional.empty());
    assertEquals(List.of(), ids(query.read(LOGINS, ruled)), "no rule fired on these logins");
  }

  @Test
  void aPlaybookFilterFindsTheEventsItFiredOrWasSuppressedOn() throws Exception {
    PlaybookOutcome suppressed =
        new PlaybookOutcome(
            "lockout",
            PlaybookOutcome.Status.SUPPRESSED,
            "cooldown",
            "1",
            "f",
            1_045_000L,
            "brute_force",
            "more than 20 failed bursts",
            "lock_account",
            Map.of("user", "u9"),
            List.of(),
            List.of(),
            Map.of(),
            Map.of());
    ObjectNode row =
        JSON.createObjectNode()
            .put("event_id", "e9")
            .put("ingested_at", "1970-01-01 00:17:25")
            .put("app", "auth-service")
            .put("contract_version", 1)
            .put("action", "pass")
            .put("facts", "{}")
            .put("detector_values", "{}")
            // The text the store stage's writer gives the column.
            .put("playbook_outcomes", JSON.writeValueAsString(List.of(suppressed)))
            .put("ts", "2024-05-01 10:00:00")
            .put("tenant", "acme")
            .put("user", "u9")
            .put("ip", "198.51.100.7")
            .put("attempts", 1);
    row.putArray("bits");
    row.putArray("rules");
    store.insertJsonRows("logins" + DataMigrator.REPLICA_SUFFIX, List.of(row.toString()));

    assertEquals(List.of("e9"), ids(query.read(LOGINS, playbook("lockout"))));
    assertEquals(
        List.of(), ids(query.read(LOGINS, playbook("lock"))), "a whole name, not a prefix");
    assertEquals(List.of(), ids(query.read(LOGINS, playbook("other"))));
  }

  private static ReplicaQuery.Filter playbook(String name) {
    return new ReplicaQuery.Filter(
        1_000,
        2_000,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(name),
        Optional.empty(),
        10,
        Optional.empty());
  }
}
