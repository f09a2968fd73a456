package dev.ben.streams.store.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Derives the statements that bring a table (and its replica) from what it is to what a schema
 * version declares. A new table is created; an existing one only ever gains columns, because
 * ClickHouse 18.16 can neither convert stored rows to another type in place nor change a sorting
 * key, and a dropped column would lose stored data. Pure: the shapes come in, statements or a
 * refusal come out.
 */
final class MigrationPlanner {

  /** A schema version the table cannot become; the reason says which field and why. */
  static final class Refused extends Exception {
    Refused(String reason) {
      super(reason);
    }
  }

  private MigrationPlanner() {}

  /**
   * The statements, in order: the replica's, the table's, then the feed's. {@code current} maps
   * table names to their shapes as the migration record has them (tables the record does not know
   * are new). With {@code feed} (a store that can) the replica is fed by the table's inserts (
   * {@link TableShape#createFeed}); its statements come first so that a fed replica never lacks a
   * column its table has, which would fail the table's inserts.
   */
  static List<String> plan(
      String createSql, boolean replica, boolean feed, Map<String, TableShape> current)
      throws Refused {
    TableShape target =
        TableShape.ofCreate(createSql)
            .orElseThrow(() -> new Refused("the schema's DDL is not a CREATE TABLE statement"));
    String replicaTable = target.table() + DataMigrator.REPLICA_SUFFIX;
    List<String> statements = new ArrayList<>();
    if (replica) {
      statements.addAll(
          towards(
              new TableShape(replicaTable, target.columns(), target.orderBy()),
              TableShape.renamed(createSql, replicaTable),
              Optional.ofNullable(current.get(replicaTable))));
    }
    statements.addAll(towards(target, createSql, Optional.ofNullable(current.get(target.table()))));
    if (replica && feed && !current.containsKey(TableShape.feedName(target.table()))) {
      statements.add(TableShape.createFeed(target.table(), replicaTable));
    }
    return statements;
  }

  private static List<String> towards(
      TableShape target, String createSql, Optional<TableShape> existing) throws Refused {
    if (existing.isEmpty()) {
      return List.of(createSql);
    }
    TableShape now = existing.get();
    for (Map.Entry<String, String> column : now.columns().entrySet()) {
      String wanted = target.columns().get(column.getKey());
      if (wanted == null && now.orderBy().contains(column.getKey())) {
        throw new Refused(
            "table "
                + now.table()
                + ": field `"
                + column.getKey()
                + "` was removed but is part of "
                + "the sorting key "
                + now.orderBy()
                + "; a key field cannot be removed (use a new table)");
      }
      if (wanted != null && !wanted.equals(column.getValue())) {
        throw new Refused(
            "table "
                + now.table()
                + ": field `"
                + column.getKey()
                + "` changes type from "
                + column.getValue()
                + " to "
                + wanted
                + "; stored rows cannot be converted in place (add a new field)");
      }
    }
    if (!now.orderBy().equals(target.orderBy())) {
      throw new Refused(
          "table "
              + now.table()
              + ": the sorting key changes from "
              + now.orderBy()
              + " to "
              + target.orderBy()
              + "; a table's key cannot change (use a new table)");
    }
    List<String> added = new ArrayList<>();
    target
        .columns()
        .forEach(
            (name, type) -> {
              if (!now.columns().containsKey(name)) {
                added.add(TableShape.addColumn(target.table(), name, type));
              }
            });
    return added;
  }
}
