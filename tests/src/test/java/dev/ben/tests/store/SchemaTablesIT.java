package dev.ben.tests.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.spine.ContractSlot;
import dev.ben.streams.store.AnalyticalStore;
import dev.ben.streams.store.ClickHouseStore;
import dev.ben.streams.store.migrate.DataMigrator;
import dev.ben.streams.store.migrate.MigrationReport;
import dev.ben.streams.store.migrate.MigrationReport.Status;
import dev.ben.streams.store.replica.ReplicaKeeper;
import dev.ben.streams.store.tables.RawEventTable;
import dev.ben.streams.store.tables.SchemaTableWriter;
import dev.ben.streams.testing.AuthProject;
import dev.ben.tests.support.TestServers;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The examples/auth schema on ClickHouse 18.16: created with its replica and the replica's feed,
 * grown to a v2 through an interrupted migration that resumes, written to by the schema table
 * writer (a retried batch stored once, a {@code @pii} field only in its redacted form), the rows in
 * the replica as they are stored, through the feed, so the keeper copies none. Each run uses a
 * database of its own.
 */
class SchemaTablesIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long T0 = 1_714_557_600_000L;
  private static final String BOB =
      "{\"ts\": \"2024-05-01T10:00:05Z\", \"tenant\": \"acme\", \"user\": \"bob\", "
          + "\"ip\": \"203.0.113.9\", \"country\": \"KP\", \"attempts\": 12, \"card\": \"5500005555555559\", "
          + "\"email\": \"bob@example.com\", \"device\": \"phone\"}";
  private static final String CAROL =
      "{\"ts\": \"2024-05-01T10:00:09Z\", \"tenant\": \"acme\", \"user\": \"carol\", "
          + "\"ip\": \"10.1.2.3\", \"attempts\": 8}";
  private static final String ALICE =
      "{\"ts\": \"2024-05-01T10:00:00Z\", \"tenant\": \"acme\", \"user\": \"alice\", "
          + "\"ip\": \"198.51.100.7\", \"country\": \"FR\", \"attempts\": 1, \"card\": \"4111111111111111\"}";

  private AnalyticalStore store;
  private DataMigrator migrator;

  @BeforeEach
  void open() {
    store = ClickHouseStore.open(TestServers.clickHouse(TestServers.unique("ben_schemas")), JSON);
    migrator = new DataMigrator(store, JSON);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private List<String> columns(String table) {
    return store.queryJson("DESCRIBE TABLE " + table).stream()
        .map(row -> row.get("name").asText())
        .toList();
  }

  private ObjectNode one(String sql) {
    return store.queryJson(sql).get(0);
  }

  @Test
  void theAuthSchemaIsMigratedGrownResumedWrittenOnceAndReplicated() throws Exception {
    assertEquals(
        List.of(new MigrationReport("login", 1, Status.APPLIED, 3, 3, 0, 0, "")),
        migrator.apply(AuthProject.v1()));
    assertEquals(
        Status.ALREADY_APPLIED,
        new DataMigrator(store, JSON).apply(AuthProject.v1()).get(0).status());
    assertEquals(
        List.of(
            "event_id",
            "ingested_at",
            "app",
            "contract_version",
            "bits",
            "rules",
            "action",
            "facts",
            "detector_values",
            "playbook_outcomes",
            "anomaly_score",
            "ts"),
        columns("logins").subList(0, 12));
    assertEquals(columns("logins"), columns("logins_replica"));

    // Interrupted: the replica is gone when v2 adds its field, so step 1 of 2 (the replica gains
    // the field before its table, whose inserts feed it) fails with the server's reason.
    String replicaDdl =
        one("SELECT statement FROM ben_migrations WHERE step = 1").get("statement").asText();
    store.execute("DROP TABLE logins_replica");
    MigrationReport failed = migrator.apply(AuthProject.v2()).get(0);
    assertEquals(Status.FAILED, failed.status(), failed.summary());
    assertEquals(1, failed.failedStep());
    assertEquals(2, failed.steps());
    assertTrue(
        failed.reason().contains("logins_replica") && failed.reason().contains("doesn't exist"),
        failed.reason());
    assertEquals(
        1,
        one("SELECT count() AS n FROM ben_migrations WHERE version = 2 AND outcome LIKE 'failed:%'")
            .get("n")
            .asLong());
    store.execute(replicaDdl);
    assertEquals(
        new MigrationReport("login", 2, Status.APPLIED, 2, 2, 0, 0, ""),
        migrator.apply(AuthProject.v2()).get(0),
        "resumed at step 1, then step 2");
    assertEquals("device", columns("logins").get(columns("logins").size() - 1));
    assertEquals(columns("logins"), columns("logins_replica"));

    // A batch written twice (a retry after a failure) is one row per event.
    ContractSlot slot = AuthProject.slot(AuthProject.v2(), 2);
    SchemaTableWriter writer =
        new SchemaTableWriter(migrator, slot, RawEventTable.writer(migrator, JSON), JSON);
    List<Envelope> batch =
        List.of(
            AuthProject.evaluated(slot, "e-bob", T0, BOB),
            AuthProject.evaluated(slot, "e-carol", T0 + 4_000, CAROL),
            AuthProject.evaluated(slot, "e-alice", T0 + 9_000, ALICE));
    writer.write(batch);
    writer.write(batch);
    ObjectNode counts = one("SELECT count() AS rows, uniqExact(event_id) AS ids FROM logins FINAL");
    assertEquals(3, counts.get("rows").asLong());
    assertEquals(3, counts.get("ids").asLong());
    ObjectNode bob = one("SELECT * FROM logins FINAL WHERE event_id = 'e-bob'");
    assertEquals(
        "************5559", bob.get("card").asText(), "the @pii card holds its redacted form");
    assertFalse(bob.toString().contains("bob@example.com"), bob.toString());
    assertEquals("phone", bob.get("device").asText());
    assertEquals("2024-05-01 10:00:00", bob.get("ingested_at").asText());
    assertEquals(2, bob.get("contract_version").asLong());
    assertEquals("[\"brute_force\"]", bob.get("rules").toString());
    assertEquals("flag", bob.get("action").asText());
    assertEquals("HOT", JSON.readTree(bob.get("facts").asText()).get("attempts_level").asText());
    assertEquals(0, one("SELECT count() AS n FROM ben_events").get("n").asLong());

    // The replica holds the rows as they are stored (the feed), redacted as in the table; the
    // keeper finds nothing stored before the feed to copy and leaves the table alone after.
    assertEquals(3, one("SELECT count() AS n FROM logins_replica FINAL").get("n").asLong());
    assertEquals(
        "************5559",
        one("SELECT card FROM logins_replica WHERE event_id = 'e-bob'").get("card").asText());
    assertEquals(
        "phone",
        one("SELECT device FROM logins_replica FINAL WHERE event_id = 'e-bob'")
            .get("device")
            .asText(),
        "the column added to both tables reaches the replica");
    MetricsRegistry metrics = new MetricsRegistry();
    ReplicaKeeper keeper = new ReplicaKeeper(migrator, metrics, 2);
    assertEquals(0, keeper.round(), "the replica holds every row up to its feed's second");
    assertEquals(0, metrics.value(ReplicaKeeper.LAG, Labels.of("table", "logins")));
  }
}
