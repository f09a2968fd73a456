package dev.ben.streams.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DuckDbDialectTest {

  @Test
  void createTableDropsTheEngineAndMapsTypesAndKeysEventId() {
    assertEquals(
        "CREATE TABLE IF NOT EXISTS logins (\"event_id\" VARCHAR, \"n\" UINTEGER, \"tags\" VARCHAR[] DEFAULT [], "
            + "\"country\" VARCHAR, \"at\" TIMESTAMP, PRIMARY KEY (event_id))",
        DuckDbDialect.statement(
            "CREATE TABLE IF NOT EXISTS logins (event_id String, n UInt32, "
                + "tags Array(String), country Nullable(String), at DateTime) ENGINE = ReplacingMergeTree() "
                + "PARTITION BY toYYYYMMDD(at) ORDER BY (n, event_id)"));
  }

  @Test
  void clickHouseOnlyClausesAreTranslatedOrDropped() {
    assertEquals(
        "CREATE SCHEMA IF NOT EXISTS ben",
        DuckDbDialect.statement("CREATE DATABASE IF NOT EXISTS ben"));
    assertNull(DuckDbDialect.statement("OPTIMIZE TABLE logins FINAL"));
    assertEquals(
        "SELECT count() FROM logins ",
        DuckDbDialect.query("SELECT count() FROM logins FINAL FORMAT JSONEachRow"));
  }

  @Test
  void backquotedIdentifiersAndAddedColumnsAreTranslated() {
    assertEquals(
        "CREATE TABLE IF NOT EXISTS \"logins\" (\"event_id\" VARCHAR, \"user\" VARCHAR, \"bits\" VARCHAR[] DEFAULT [], "
            + "PRIMARY KEY (event_id))",
        DuckDbDialect.statement(
            "CREATE TABLE IF NOT EXISTS `logins` (\n  `event_id` String,\n  `user` String,\n"
                + "  `bits` Array(String)\n) ENGINE = ReplacingMergeTree(`ingested_at`)\nORDER BY (`user`, `event_id`)"));
    assertEquals(
        "ALTER TABLE \"logins\" ADD COLUMN \"device\" VARCHAR",
        DuckDbDialect.statement("ALTER TABLE `logins` ADD COLUMN `device` Nullable(String)"));
    // A ClickHouse array is empty when a row leaves it out, rows stored before it was added too.
    assertEquals(
        "ALTER TABLE \"logins\" ADD COLUMN \"labels\" VARCHAR[] DEFAULT []",
        DuckDbDialect.statement("ALTER TABLE `logins` ADD COLUMN `labels` Array(String)"));
    assertEquals(
        "SELECT \"user\" FROM logins ", DuckDbDialect.query("SELECT `user` FROM logins FINAL"));
  }

  @Test
  void anUnknownTypeIsRefusedByName() {
    StoreException e =
        assertThrows(StoreException.class, () -> DuckDbDialect.type("Decimal(10,2)"));
    assertEquals(
        "the embedded store has no equivalent for ClickHouse type `Decimal(10,2)`", e.getMessage());
  }

  @Test
  void onlyACreateIfAbsentNamesItsTable() {
    assertEquals(
        "logins",
        DuckDbDialect.tableCreatedIfAbsent(
            "CREATE TABLE IF NOT EXISTS ben.`logins` (event_id String) ENGINE = Log"));
    assertNull(
        DuckDbDialect.tableCreatedIfAbsent("CREATE TABLE logins (event_id String) ENGINE = Log"));
    assertNull(DuckDbDialect.tableCreatedIfAbsent("SELECT 1"));
  }
}
