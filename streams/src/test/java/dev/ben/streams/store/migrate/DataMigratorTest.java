package dev.ben.streams.store.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.store.EmbeddedStore;
import dev.ben.streams.store.migrate.MigrationReport.Status;
import dev.ben.streams.store.tables.RawEventTable;
import dev.ben.streams.testing.AuthProject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migrator's record, resume and partial reports, against the embedded store (DuckDB,
 * in-process).
 */
class DataMigratorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private EmbeddedStore store;
  private DataMigrator migrator;

  @BeforeEach
  void open() {
    store = EmbeddedStore.open(dir.resolve("store.duckdb"), JSON);
    migrator = new DataMigrator(store, JSON);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private List<String> columns(String table) {
    return store
        .queryJson(
            "SELECT column_name FROM information_schema.columns WHERE table_name = '"
                + table
                + "' ORDER BY ordinal_position")
        .stream()
        .map(row -> row.get("column_name").asText())
        .toList();
  }

  private long recorded(String outcomePrefix) {
    return store
        .queryJson(
            "SELECT count(*) AS n FROM ben_migrations WHERE outcome LIKE '" + outcomePrefix + "%'")
        .get(0)
        .get("n")
        .asLong();
  }

  @Test
  void aSchemaIsCreatedWithItsReplicaRecordedAndNeverAppliedTwice() {
    MigrationReport first = migrator.apply(AuthProject.v1()).get(0);
    assertEquals(new MigrationReport("login", 1, Status.APPLIED, 2, 2, 0, 0, ""), first);
    assertEquals(columns("logins"), columns("logins_replica"));
    assertTrue(
        columns("logins")
            .containsAll(
                List.of("app", "contract_version", "bits", "rules", "action", "facts", "card")),
        columns("logins").toString());
    assertEquals(2, recorded("applied"));

    MigrationReport again = new DataMigrator(store, JSON).apply(AuthProject.v1()).get(0);
    assertEquals(Status.ALREADY_APPLIED, again.status());
    assertEquals(2, again.alreadyApplied());
    assertEquals(2, recorded("applied"), "nothing was run or recorded again");
    assertEquals(
        List.of(new DataMigrator.ReplicatedTable("logins", java.util.Optional.empty())),
        migrator.replicatedTables(),
        "the embedded store has no feed: its replica is copied");
  }

  @Test
  void stepsRecordedInAnOlderPlansOrderAreFoundDone() {
    migrator.apply(AuthProject.v1());
    // Before the replica's steps came first, the table's CREATE was step 1 and the replica's 2.
    store.execute("UPDATE ben_migrations SET step = 3 - step");
    MigrationReport again = new DataMigrator(store, JSON).apply(AuthProject.v1()).get(0);
    assertEquals(Status.ALREADY_APPLIED, again.status(), again.summary());
    assertEquals(2, again.alreadyApplied());
    assertEquals(2, recorded("applied"), "nothing was run or recorded again");
  }

  @Test
  void aLaterVersionAddsItsFieldToTheTableAndTheReplica() {
    migrator.apply(AuthProject.v1());
    MigrationReport v2 = migrator.apply(AuthProject.v2()).get(0);
    assertEquals(new MigrationReport("login", 2, Status.APPLIED, 2, 2, 0, 0, ""), v2);
    assertEquals("device", columns("logins").get(columns("logins").size() - 1));
    assertEquals(columns("logins"), columns("logins_replica"));
    assertEquals(
        "ALTER TABLE `logins` ADD COLUMN `device` Nullable(String)",
        store
            .queryJson("SELECT statement FROM ben_migrations WHERE version = 2 AND step = 2")
            .get(0)
            .get("statement")
            .asText(),
        "the replica gains the column first");
  }

  @Test
  void anInterruptedMigrationReportsHowFarItGotAndResumesAtItsFirstUnrecordedStep() {
    migrator.apply(AuthProject.v1());
    String tableDdl =
        store
            .queryJson("SELECT statement FROM ben_migrations WHERE step = 2")
            .get(0)
            .get("statement")
            .asText();
    store.execute("DROP TABLE logins");

    MigrationReport failed = migrator.apply(AuthProject.v2()).get(0);
    assertEquals(Status.FAILED, failed.status());
    assertEquals(2, failed.failedStep());
    assertEquals(1, failed.applied());
    assertTrue(
        failed.summary().startsWith("login v2: failed at step 2 of 2 (1 applied): "),
        failed.summary());
    assertTrue(failed.reason().contains("logins"), failed.reason());
    assertEquals(1, recorded("failed"));

    store.execute(tableDdl);
    MigrationReport resumed = migrator.apply(AuthProject.v2()).get(0);
    assertEquals(new MigrationReport("login", 2, Status.APPLIED, 2, 1, 1, 0, ""), resumed);
    assertEquals(columns("logins"), columns("logins_replica"));
    assertEquals(
        1,
        store
            .queryJson("SELECT count(*) AS n FROM ben_migrations WHERE version = 2 AND step = 1")
            .get(0)
            .get("n")
            .asLong(),
        "step 1 was not run again");
  }

  @Test
  void aStepWhoseColumnIsAlreadyThereCountsAsAppliedAndAnIncompatibleVersionIsRefused() {
    migrator.apply(AuthProject.v1());
    store.execute("ALTER TABLE `logins` ADD COLUMN `device` Nullable(String)");
    MigrationReport v2 = migrator.apply(AuthProject.v2()).get(0);
    assertEquals(Status.APPLIED, v2.status());
    assertEquals(1, recorded("applied: the column was already there"));

    var retyped =
        AuthProject.compiled(
            login ->
                login
                    .replace("schema login v1", "schema login v3")
                    .replace("attempts:   u32", "attempts:   u64"));
    MigrationReport refused = migrator.apply(retyped).get(0);
    assertEquals(Status.REFUSED, refused.status());
    assertTrue(
        refused.reason().contains("`attempts` changes type from UInt32 to UInt64"),
        refused.reason());
  }

  @Test
  void theRawEventTableIsCreatedThroughTheMigrator() {
    RawEventTable.writer(migrator, JSON);
    assertEquals(
        List.of(
            "event_id", "pipeline", "app", "received_at", "body", "contract_version", "decision"),
        columns("ben_events"));
    assertEquals(
        Status.ALREADY_APPLIED,
        migrator.applyTable(RawEventTable.TABLE, RawEventTable.DDL).status());
  }
}
