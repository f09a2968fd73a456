package dev.ben.streams.store.replay;

import dev.ben.contracts.model.FieldType;
import dev.ben.contracts.model.Schema;
import dev.ben.contracts.model.SchemaField;
import java.util.ArrayList;
import java.util.List;

/**
 * The statement {@link StoredEventPages} runs for one page of a schema's table, with its
 * parameters: the event id, the schema's fields (scalar timestamps as whole seconds since the epoch
 * under {@code ben_s_<field>}, so no server time zone gets between the store and the event), and
 * the replay time {@value #TIME} (the schema's first timestamp, or the receipt time when it has
 * none), ordered by that time then the event id, strictly after the previous page's last row. The
 * stores differ only in the function giving seconds since the epoch.
 */
record ReplaySql(String text, List<Object> parameters) {

  static final String TIME = "ben_replay_s";
  static final String SECONDS_PREFIX = "ben_s_";

  static ReplaySql of(
      boolean embedded,
      Schema schema,
      long fromSeconds,
      long toSeconds,
      StoredEventPages.Position after,
      int limit) {
    List<String> columns = new ArrayList<>(List.of("`event_id`"));
    String time = null;
    for (SchemaField field : schema.fields()) {
      if (field.type() == FieldType.TIMESTAMP && !field.array()) {
        String epoch = seconds(embedded, field.name());
        columns.add(epoch + " AS `" + SECONDS_PREFIX + field.name() + "`");
        time = time == null ? epoch : time;
      } else {
        columns.add("`" + field.name() + "`");
      }
    }
    time = time == null ? seconds(embedded, "ingested_at") : time;
    columns.add(time + " AS `" + TIME + "`");
    List<Object> parameters = new ArrayList<>(List.of(fromSeconds, toSeconds));
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(String.join(", ", columns))
            .append(" FROM `")
            .append(schema.table())
            .append("` FINAL WHERE ")
            .append(time)
            .append(" >= ? AND ")
            .append(time)
            .append(" < ?");
    if (after != null) {
      sql.append(" AND (")
          .append(time)
          .append(" > ? OR (")
          .append(time)
          .append(" = ? AND `event_id` > ?))");
      parameters.add(after.timeSeconds());
      parameters.add(after.timeSeconds());
      parameters.add(after.eventId());
    }
    sql.append(" ORDER BY `").append(TIME).append("`, `event_id` LIMIT ").append(limit);
    return new ReplaySql(sql.toString(), List.copyOf(parameters));
  }

  private static String seconds(boolean embedded, String column) {
    return embedded ? "epoch(`" + column + "`)" : "toUnixTimestamp(`" + column + "`)";
  }
}
