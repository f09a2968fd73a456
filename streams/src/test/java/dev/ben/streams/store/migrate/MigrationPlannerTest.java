package dev.ben.streams.store.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.contracts.model.ContractSet;
import dev.ben.streams.testing.AuthProject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MigrationPlannerTest {

  private static final String V1 = AuthProject.v1().schema("login").orElseThrow().ddl();
  private static final String V2 = AuthProject.v2().schema("login").orElseThrow().ddl();

  private static Map<String, TableShape> existing(String... creates) {
    Map<String, TableShape> shapes = new java.util.HashMap<>();
    for (String create : creates) {
      TableShape shape = TableShape.ofCreate(create).orElseThrow();
      shapes.put(shape.table(), shape);
    }
    return shapes;
  }

  @Test
  void aNewTableIsCreatedAndItsReplicaWithTheSameColumnsEngineAndKey() throws Exception {
    List<String> steps = MigrationPlanner.plan(V1, true, false, Map.of());
    assertEquals(2, steps.size());
    assertTrue(
        steps
            .get(0)
            .startsWith("CREATE TABLE IF NOT EXISTS `logins_replica` (\n  `event_id` String,"),
        steps.get(0));
    assertEquals(V1.substring(V1.indexOf('(')), steps.get(0).substring(steps.get(0).indexOf('(')));
    assertEquals(V1, steps.get(1));
    assertEquals(List.of(V1), MigrationPlanner.plan(V1, false, false, Map.of()));
  }

  @Test
  void theShapeOfTheCompiledDdlHasTheDecisionColumnsAndTheSortingKey() {
    TableShape shape = TableShape.ofCreate(V1).orElseThrow();
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
        shape.columns().keySet().stream().limit(12).toList());
    assertEquals("Nullable(Float64)", shape.columns().get("anomaly_score"));
    assertEquals("Array(String)", shape.columns().get("bits"));
    assertEquals(List.of("tenant", "ts", "event_id"), shape.orderBy());
  }

  @Test
  void anAddedFieldIsAddedToTheTableAndItsReplica() throws Exception {
    String replica = TableShape.renamed(V1, "logins_replica");
    assertEquals(
        List.of(
            "ALTER TABLE `logins_replica` ADD COLUMN `device` Nullable(String)",
            "ALTER TABLE `logins` ADD COLUMN `device` Nullable(String)"),
        MigrationPlanner.plan(V2, true, false, existing(V1, replica)));
    assertEquals(
        List.of(
            V2.replace("`logins`", "`logins_replica`"),
            "ALTER TABLE `logins` ADD COLUMN `device` Nullable(String)"),
        MigrationPlanner.plan(V2, true, false, existing(V1)),
        "a missing replica is created whole");
  }

  @Test
  void aFedReplicaGetsItsFeedLastOnceAndItsColumnsBeforeTheTable() throws Exception {
    String feed =
        "CREATE MATERIALIZED VIEW IF NOT EXISTS `logins_replica_feed` TO `logins_replica`"
            + " AS SELECT * FROM `logins`";
    List<String> created = MigrationPlanner.plan(V1, true, true, Map.of());
    assertEquals(3, created.size());
    assertEquals(feed, created.get(2), "the feed follows both tables");
    assertEquals("logins_replica_feed", TableShape.ofFeed(created.get(2)).orElseThrow().table());
    String replica = TableShape.renamed(V1, "logins_replica");
    Map<String, TableShape> unfed = existing(V1, replica);
    assertEquals(
        List.of(
            "ALTER TABLE `logins_replica` ADD COLUMN `device` Nullable(String)",
            "ALTER TABLE `logins` ADD COLUMN `device` Nullable(String)",
            feed),
        MigrationPlanner.plan(V2, true, true, unfed),
        "a replica kept by copies gets its feed");
    Map<String, TableShape> fed = new java.util.HashMap<>(unfed);
    TableShape.ofFeed(feed).ifPresent(shape -> fed.put(shape.table(), shape));
    assertEquals(List.of(), MigrationPlanner.plan(V1, true, true, fed));
    assertEquals(
        List.of(
            "ALTER TABLE `logins_replica` ADD COLUMN `device` Nullable(String)",
            "ALTER TABLE `logins` ADD COLUMN `device` Nullable(String)"),
        MigrationPlanner.plan(V2, true, true, fed),
        "a fed replica gains a column before its table, whose inserts then find it there");
    assertTrue(TableShape.ofFeed(V1).isEmpty(), "a CREATE TABLE is no feed");
  }

  @Test
  void theSameShapeNeedsNoStepAndARemovedOrdinaryFieldKeepsItsColumn() throws Exception {
    assertEquals(List.of(), MigrationPlanner.plan(V1, false, false, existing(V1)));
    assertEquals(List.of(), MigrationPlanner.plan(V1, false, false, existing(V2)));
  }

  @Test
  void aTypeChangeIsRefusedNamingTheField() {
    ContractSet changed =
        AuthProject.compiled(login -> login.replace("attempts:   u32", "attempts:   u64"));
    var refused =
        assertThrows(
            MigrationPlanner.Refused.class,
            () ->
                MigrationPlanner.plan(
                    changed.schema("login").orElseThrow().ddl(), false, false, existing(V1)));
    assertEquals(
        "table logins: field `attempts` changes type from UInt32 to UInt64; stored rows cannot be "
            + "converted in place (add a new field)",
        refused.getMessage());
  }

  @Test
  void aRemovedKeyFieldAndAChangedSortingKeyAreRefused() {
    String withoutTenant =
        V1.replace("  `tenant` String,\n", "")
            .replace("(`tenant`, `ts`, `event_id`)", "(`ts`, `event_id`)");
    var removed =
        assertThrows(
            MigrationPlanner.Refused.class,
            () -> MigrationPlanner.plan(withoutTenant, false, false, existing(V1)));
    assertEquals(
        "table logins: field `tenant` was removed but is part of the sorting key [tenant, ts, event_id]; "
            + "a key field cannot be removed (use a new table)",
        removed.getMessage());
    String reordered = V1.replace("(`tenant`, `ts`, `event_id`)", "(`ts`, `tenant`, `event_id`)");
    var rekeyed =
        assertThrows(
            MigrationPlanner.Refused.class,
            () -> MigrationPlanner.plan(reordered, false, false, existing(V1)));
    assertTrue(
        rekeyed
            .getMessage()
            .contains(
                "the sorting key changes from [tenant, ts, event_id] to "
                    + "[ts, tenant, event_id]"),
        rekeyed.getMessage());
  }
}
