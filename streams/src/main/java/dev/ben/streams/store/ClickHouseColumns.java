package dev.ben.streams.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The RowBinary writers for the columns a batch fills, from the types each table declares on the
 * server, read once per table. Forgotten after any statement the store runs and after a failed
 * insert, since another node may have altered the table meanwhile.
 */
final class ClickHouseColumns {

  private record Writers(List<String> columns, RowBinaryColumn[] writers) {}

  private final Function<String, List<ObjectNode>> query;
  private final ZoneId serverZone;
  private final Map<String, Writers> byTable = new ConcurrentHashMap<>();

  ClickHouseColumns(Function<String, List<ObjectNode>> query, ZoneId serverZone) {
    this.query = query;
    this.serverZone = serverZone;
  }

  /** One writer per column, in the given order; a StoreException when a column is not there. */
  RowBinaryColumn[] writers(String table, List<String> columns) {
    Writers cached = byTable.get(table);
    if (cached != null && cached.columns().equals(columns)) {
      return cached.writers();
    }
    Map<String, String> declared = declared(table);
    RowBinaryColumn[] writers = new RowBinaryColumn[columns.size()];
    for (int i = 0; i < writers.length; i++) {
      String type = declared.get(columns.get(i));
      if (type == null) {
        throw new StoreException(
            "inserting into " + table + " failed: it has no column `" + columns.get(i) + "`");
      }
      writers[i] = RowBinaryColumn.of(type, serverZone);
    }
    byTable.put(table, new Writers(List.copyOf(columns), writers));
    return writers;
  }

  /** The table's column names as the server declares them now, read afresh. */
  List<String> names(String table) {
    return List.copyOf(declared(table).keySet());
  }

  void forget(String table) {
    byTable.remove(table);
  }

  void forgetAll() {
    byTable.clear();
  }

  private Map<String, String> declared(String table) {
    String bare = ColumnList.bare(table);
    int dot = bare.indexOf('.');
    String database = dot < 0 ? "currentDatabase()" : literal(bare.substring(0, dot));
    List<ObjectNode> rows =
        query.apply(
            "SELECT name, type FROM system.columns WHERE database = "
                + database
                + " AND table = "
                + literal(bare.substring(dot + 1)));
    if (rows.isEmpty()) {
      throw new StoreException("inserting into " + table + " failed: the table does not exist");
    }
    Map<String, String> types = new LinkedHashMap<>();
    rows.forEach(row -> types.put(row.get("name").asText(), row.get("type").asText()));
    return types;
  }

  private static String literal(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
