package dev.ben.streams.store.replica;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.ben.streams.store.migrate.DataMigrator;
import java.util.ArrayList;
import java.util.List;

/**
 * The statement {@link ReplicaQuery} runs on one replica table, with its parameters. The two stores
 * differ in three places: seconds since the epoch of a DateTime ({@code toUnixTimestamp} in
 * ClickHouse, {@code epoch} in DuckDB), membership in an array ({@code has}, {@code
 * list_contains}), and the time bound, written against the column in ClickHouse so its sorting key
 * can serve it.
 */
record ReplicaSql(String text, List<Object> parameters) {

  static ReplicaSql of(boolean embedded, ReplicaQuery.Table table, ReplicaQuery.Filter filter) {
    String seconds = embedded ? "epoch(ingested_at)" : "toUnixTimestamp(ingested_at)";
    List<Object> parameters = new ArrayList<>();
    StringBuilder sql =
        new StringBuilder("SELECT *, ")
            .append(seconds)
            .append(" AS ben_received_at_s FROM ")
            .append(table.table())
            .append(DataMigrator.REPLICA_SUFFIX)
            .append(" FINAL WHERE ");
    if (embedded) {
      sql.append(seconds).append(" >= ? AND ").append(seconds).append(" < ?");
    } else {
      sql.append("ingested_at >= toDateTime(?) AND ingested_at < toDateTime(?)");
    }
    parameters.add(filter.fromSeconds());
    parameters.add(filter.toSeconds());
    filter.app().ifPresent(app -> equal(sql, parameters, "app", app));
    filter.action().ifPresent(action -> equal(sql, parameters, "action", action));
    filter
        .rule()
        .ifPresent(
            rule -> {
              sql.append(embedded ? " AND list_contains(rules, ?)" : " AND has(rules, ?)");
              parameters.add(rule);
            });
    filter
        .playbook()
        .ifPresent(
            playbook -> {
              // The outcomes are stored as compact JSON, each object naming its playbook first.
              sql.append(
                  embedded
                      ? " AND strpos(playbook_outcomes, ?) > 0"
                      : " AND position(playbook_outcomes, ?) > 0");
              parameters.add("{\"playbook\":" + TextNode.valueOf(playbook));
            });
    filter
        .key()
        .ifPresent(
            key -> {
              List<String> matches = new ArrayList<>();
              for (String field : table.keyFields()) {
                matches.add("CAST(`" + field + "` AS String) = ?");
                parameters.add(key);
              }
              sql.append(" AND (").append(String.join(" OR ", matches)).append(')');
            });
    filter
        .after()
        .ifPresent(
            after -> {
              sql.append(" AND (")
                  .append(seconds)
                  .append(" < ? OR (")
                  .append(seconds)
                  .append(" = ? AND event_id < ?))");
              parameters.add(after.receivedAtSeconds());
              parameters.add(after.receivedAtSeconds());
              parameters.add(after.eventId());
            });
    // One more than the page, so the merged result knows whether a next page exists.
    sql.append(" ORDER BY ben_received_at_s DESC, event_id DESC LIMIT ").append(filter.limit() + 1);
    return new ReplicaSql(sql.toString(), List.copyOf(parameters));
  }

  private static void equal(
      StringBuilder sql, List<Object> parameters, String column, Object value) {
    sql.append(" AND ").append(column).append(" = ?");
    parameters.add(value);
  }
}
