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
    List<String> steps = MigrationPlanner.plan(V1, true, Map.of());
    assertEquals(2, steps.size());
    assertEquals(V1, steps.get(0));
    assertTrue(
        steps
            .get(1)
            .startsWith("CREATE TABLE IF NOT EXISTS `logins_replica` (\n  `event_id` String,"),
        steps.get(1));
    assertEquals(V1.substring(V1.indexOf('(')), steps.get(1).substring(steps.get(1).indexOf('(')));
    assertEquals(List.of(V1), MigrationPlanner.plan(V1, false, Map.of()));
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
            "ALTER TABLE `logins` ADD COLUMN `device` Nullable(String)",
            "ALTER TABLE `logins_replica` ADD COLUMN `device` Nullable(String)"),
        MigrationPlanner.plan(V2, true, existing(V1, replica)));
    assertEquals(
        List.of(
            "ALTER TABLE `logins` ADD COLUMN `device` Nullable(String)",
            V2.replace("`logins`", "`logins_replica`")),
        MigrationPlanner.plan(V2, true, existing(V1)),
        "a missing replica is created whole");
  }

  @Test
  void theSameShapeNeedsNoStepAndARemovedOrdinaryFieldKeepsItsColumn() throws Exception {
    assertEquals(List.of(), MigrationPlanner.plan(V1, false, existing(V1)));
    assertEquals(List.of(), MigrationPlanner.plan(V1, false, existing(V2)));
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
                    changed.schema("login").orElseThrow().ddl(), false, existing(V1)));
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
            () -> MigrationPlanner.plan(withoutTenant, false, existing(V1)));
    assertEquals(
        "table logins: field `tenant` was removed but is part of the sorting key [tenant, ts, event_id]; "
            + "a key field cannot be removed (use a new table)",
        removed.getMessage());
    String reordered = V1.replace("(`tenant`, `ts`, `event_id`)", "(`ts`, `tenant`, `event_id`)");
    var rekeyed =
        assertThrows(
            MigrationPlanner.Refused.class,
            () -> MigrationPlanner.plan(reordered, false, existing(V1)));
    assertTrue(
        rekeyed
            .getMessage()
            .contains(
                "the sorting key changes from [tenant, ts, event_id] to "
                    + "[ts, tenant, event_id]"),
        rekeyed.getMessage());
  }
}
