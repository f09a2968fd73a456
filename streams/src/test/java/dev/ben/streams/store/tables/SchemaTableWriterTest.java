package dev.ben.streams.store.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.streams.flow.BatchWriter;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.spine.ContractSlot;
import dev.ben.streams.store.EmbeddedStore;
import dev.ben.streams.store.StoreException;
import dev.ben.streams.store.migrate.DataMigrator;
import dev.ben.streams.testing.AuthProject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evaluated events land in their schema's table with their decisions, against the embedded store.
 */
class SchemaTableWriterTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BOB =
      "{\"ts\": \"2024-05-01T10:00:05Z\", \"tenant\": \"acme\", \"user\": \"bob\", "
          + "\"ip\": \"203.0.113.9\", \"country\": \"KP\", \"attempts\": 12, \"card\": \"5500005555555559\", "
          + "\"email\": \"bob@example.com\"}";
  private static final String CAROL =
      "{\"ts\": \"2024-05-01T10:00:09Z\", \"tenant\": \"acme\", \"user\": \"carol\", "
          + "\"ip\": \"10.1.2.3\", \"attempts\": 8}";

  @TempDir Path dir;
  private EmbeddedStore store;
  private DataMigrator migrator;
  private BatchWriter rawEvents;

  @BeforeEach
  void open() {
    store = EmbeddedStore.open(dir.resolve("store.duckdb"), JSON);
    migrator = new DataMigrator(store, JSON);
    rawEvents = RawEventTable.writer(migrator, JSON);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aRetriedBatchIsStoredOnceWithItsDecisionsAndRedactedValues() throws Exception {
    ContractSlot slot = AuthProject.slot(AuthProject.v1(), 1);
    SchemaTableWriter writer = new SchemaTableWriter(migrator, slot, rawEvents, JSON);
    List<Envelope> batch =
        List.of(
            AuthProject.evaluated(slot, "e-bob", 1_714_557_605_000L, BOB),
            AuthProject.evaluated(slot, "e-carol", 1_714_557_609_000L, CAROL));
    writer.write(batch);
    writer.write(batch);

    List<ObjectNode> rows = store.queryJson("SELECT * FROM logins ORDER BY event_id");
    assertEquals(
        List.of("e-bob", "e-carol"), rows.stream().map(r -> r.get("event_id").asText()).toList());
    ObjectNode bob = rows.get(0);
    assertEquals("2024-05-01 10:00:05", bob.get("ingested_at").asText());
    assertEquals("2024-05-01 10:00:05", bob.get("ts").asText());
    assertEquals("auth-service", bob.get("app").asText());
    assertEquals(1, bob.get("contract_version").asLong());
    assertEquals(
        "[\"failed_burst\",\"risky_country\",\"heat.WARM\",\"heat.HOT\"]",
        bob.get("bits").toString());
    assertEquals("[\"brute_force\"]", bob.get("rules").toString());
    assertEquals("flag", bob.get("action").asText());
    assertEquals("HOT", JSON.readTree(bob.get("facts").asText()).get("attempts_level").asText());
    assertEquals(12, bob.get("attempts").asLong());
    assertEquals("************5559", bob.get("card").asText());
    assertFalse(bob.get("email").asText().contains("bob@"), bob.get("email").asText());
    assertTrue(rows.get(1).get("card").isNull(), "an absent optional field is null");
    assertEquals("pass", rows.get(1).get("action").asText());
    assertEquals(
        0, store.queryJson("SELECT count(*) AS n FROM ben_events").get(0).get("n").asLong());
  }

  @Test
  void passThroughEventsAndEventsOfAnUnknownSchemaGoToTheRawEventTable() throws Exception {
    ContractSlot slot = AuthProject.slot(AuthProject.v1(), 1);
    SchemaTableWriter writer = new SchemaTableWriter(migrator, slot, rawEvents, JSON);
    writer.write(
        List.of(
            new Envelope(
                "raw",
                AuthProject.PIPELINE,
                "app",
                0,
                JsonNodeFactory.instance.objectNode().put("a", 1))));
    assertEquals(
        "raw", store.queryJson("SELECT event_id FROM ben_events").get(0).get("event_id").asText());
    assertEquals(
        1,
        store.queryJson("SELECT count(*) AS n FROM ben_migrations").get(0).get("n").asLong(),
        "only ben_events was migrated: no contract version was needed");
  }

  @Test
  void aSpilledBatchOfAVersionNoLongerHeldIsStoredWithTheRunningVersionOfTheSameSchema()
      throws Exception {
    ContractSlot before = AuthProject.slot(AuthProject.v1(), 3);
    Envelope spilled = AuthProject.evaluated(before, "old", 1_000, CAROL);
    ContractSlot afterRestart = AuthProject.slot(AuthProject.v2(), 4);
    new SchemaTableWriter(migrator, afterRestart, rawEvents, JSON).write(List.of(spilled));
    ObjectNode row = store.queryJson("SELECT * FROM logins").get(0);
    assertEquals(
        3, row.get("contract_version").asLong(), "the row keeps the version that decided it");
    assertTrue(row.get("device").isNull(), "the running version's table (v2, with device) took it");
  }

  @Test
  void aMigrationThatDoesNotCompleteFailsTheWriteAndTheRetryResumesIt() throws Exception {
    ContractSlot slot = AuthProject.slot(AuthProject.v1(), 1);
    store.execute("CREATE VIEW logins AS SELECT 1 AS x");
    SchemaTableWriter writer = new SchemaTableWriter(migrator, slot, rawEvents, JSON);
    List<Envelope> batch = List.of(AuthProject.evaluated(slot, "e-bob", 1_000, BOB));
    StoreException failed = assertThrows(StoreException.class, () -> writer.write(batch));
    assertTrue(
        // Step 1 makes the replica; step 2, the table, finds the view in its way.
        failed.getMessage().startsWith("migration incomplete: login v1: failed at step 2 of 2"),
        failed.getMessage());
    store.execute("DROP VIEW logins");
    writer.write(batch);
    assertEquals(1, store.queryJson("SELECT count(*) AS n FROM logins").get(0).get("n").asLong());
  }
}
