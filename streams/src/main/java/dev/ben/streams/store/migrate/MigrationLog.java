package dev.ben.streams.store.migrate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.streams.store.AnalyticalStore;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The migration record, table {@value #TABLE}: one row per attempted step with its statement and
 * outcome. A plain MergeTree keeps every row (failures stay visible beside the later success). It
 * is the migrator's memory: which steps of a schema version are done, and, replayed, what every
 * table it built looks like now.
 */
final class MigrationLog {

  static final String TABLE = "ben_migrations";
  static final String APPLIED = "applied";

  static final String DDL =
      "CREATE TABLE IF NOT EXISTS "
          + TABLE
          + " (schema String, version UInt32, "
          + "fingerprint String, step UInt32, statement String, applied_at DateTime, outcome String) "
          + "ENGINE = MergeTree() ORDER BY (schema, version, fingerprint, step, applied_at)";

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final int MAX_OUTCOME = 1000;

  /** One recorded step. */
  record Entry(
      String schema,
      long version,
      String fingerprint,
      int step,
      String statement,
      String outcome,
      String appliedAt) {
    boolean applied() {
      return outcome.startsWith(APPLIED);
    }
  }

  private final AnalyticalStore store;
  private final ObjectMapper mapper;

  MigrationLog(AnalyticalStore store, ObjectMapper mapper) {
    this.store = store;
    this.mapper = mapper;
  }

  /** Creates the record table; the one statement the migrator issues without recording it. */
  void open() {
    store.execute(DDL);
  }

  /** Every step recorded as applied, oldest first (ties in order of schema, version and step). */
  List<Entry> applied() {
    List<Entry> entries = new ArrayList<>();
    for (ObjectNode row :
        store.queryJson(
            "SELECT \"schema\", version, fingerprint, step, statement, outcome, applied_at FROM "
                + TABLE
                + " WHERE outcome LIKE '"
                + APPLIED
                + "%' ORDER BY applied_at, \"schema\", version, step")) {
      entries.add(
          new Entry(
              row.get("schema").asText(),
              row.get("version").asLong(),
              row.get("fingerprint").asText(),
              row.get("step").asInt(),
              row.get("statement").asText(),
              row.get("outcome").asText(),
              row.get("applied_at").asText()));
    }
    return entries;
  }

  /** A moment as the record's {@code applied_at} holds it: the store's DateTime text, in UTC. */
  static String dateTime(Instant at) {
    return DATE_TIME.format(at);
  }

  /** Writes a step's row, its outcome cut to the record's bound. */
  void record(Entry entry) {
    String outcome = entry.outcome();
    ObjectNode row =
        mapper
            .createObjectNode()
            .put("schema", entry.schema())
            .put("version", entry.version())
            .put("fingerprint", entry.fingerprint())
            .put("step", entry.step())
            .put("statement", entry.statement())
            .put("applied_at", entry.appliedAt())
            .put(
                "outcome",
                outcome.length() <= MAX_OUTCOME ? outcome : outcome.substring(0, MAX_OUTCOME));
    store.insertJsonRows(TABLE, List.of(row.toString()));
  }

  /**
   * What each table looks like after the applied steps, leaving out those of one migration (so a
   * migration is always planned against the same starting point, and resuming it finds the same
   * steps). The first CREATE of a table defines it (later ones were no-ops: IF NOT EXISTS); every
   * ADD COLUMN grows it.
   */
  static Map<String, TableShape> shapes(
      List<Entry> applied, String schema, long version, String fingerprint) {
    Map<String, TableShape> shapes = new HashMap<>();
    for (Entry entry : applied) {
      if (entry.schema().equals(schema)
          && entry.version() == version
          && entry.fingerprint().equals(fingerprint)) {
        continue;
      }
      TableShape.ofCreate(entry.statement())
          .or(() -> TableShape.ofFeed(entry.statement()))
          .ifPresent(shape -> shapes.putIfAbsent(shape.table(), shape));
      TableShape.addedColumn(entry.statement())
          .ifPresent(
              added ->
                  shapes.computeIfPresent(
                      added.get(0),
                      (table, shape) -> shape.withColumn(added.get(1), added.get(2))));
    }
    return shapes;
  }
}
