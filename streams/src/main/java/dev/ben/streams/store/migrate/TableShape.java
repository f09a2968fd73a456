package dev.ben.streams.store.migrate;

import dev.ben.streams.store.ColumnList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table as Ben's own statements define it: its columns (name to ClickHouse type, in order) and
 * its sorting key. Read from a CREATE TABLE and grown by ADD COLUMN, so the shape of any table
 * follows from the statements the migration record holds, on either store.
 */
record TableShape(String table, Map<String, String> columns, List<String> orderBy) {

  private static final Pattern CREATE =
      Pattern.compile(
          "(?is)^\\s*CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([`\"\\w.]+)\\s*\\((.*)\\)\\s*(ENGINE\\s*=.*)$");
  private static final Pattern ORDER_BY =
      Pattern.compile("(?is)ORDER\\s+BY\\s+(\\((.*?)\\)|[`\"\\w]+)");
  private static final Pattern FEED =
      Pattern.compile(
          "(?is)^\\s*CREATE\\s+MATERIALIZED\\s+VIEW\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([`\"\\w.]+)\\s+TO\\s.*$");
  private static final Pattern ADD_COLUMN =
      Pattern.compile(
          "(?is)^\\s*ALTER\\s+TABLE\\s+([`\"\\w.]+)\\s+ADD\\s+COLUMN\\s+([`\"]?\\w+[`\"]?)\\s+(.+?)\\s*;?\\s*$");

  TableShape {
    columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    orderBy = List.copyOf(orderBy);
  }

  /** The shape a CREATE TABLE statement defines, or empty when the statement is not one. */
  static Optional<TableShape> ofCreate(String sql) {
    Matcher create = CREATE.matcher(sql);
    if (!create.matches()) {
      return Optional.empty();
    }
    Map<String, String> columns = new LinkedHashMap<>();
    for (String column : ColumnList.split(create.group(2))) {
      String[] parts = column.strip().split("\\s+", 2);
      columns.put(ColumnList.bare(parts[0]), parts.length > 1 ? parts[1].strip() : "");
    }
    List<String> orderBy = new ArrayList<>();
    Matcher order = ORDER_BY.matcher(create.group(3));
    if (order.find()) {
      String list = order.group(2) != null ? order.group(2) : order.group(1);
      ColumnList.split(list).forEach(name -> orderBy.add(ColumnList.bare(name)));
    }
    return Optional.of(new TableShape(ColumnList.bare(create.group(1)), columns, orderBy));
  }

  /**
   * The column an ADD COLUMN statement adds, as table, name and type; empty for any other
   * statement.
   */
  static Optional<List<String>> addedColumn(String sql) {
    Matcher add = ADD_COLUMN.matcher(sql);
    return add.matches()
        ? Optional.of(
            List.of(
                ColumnList.bare(add.group(1)), ColumnList.bare(add.group(2)), add.group(3).strip()))
        : Optional.empty();
  }

  TableShape withColumn(String name, String type) {
    Map<String, String> grown = new LinkedHashMap<>(columns);
    grown.putIfAbsent(name, type);
    return new TableShape(table, grown, orderBy);
  }

  /**
   * The same CREATE statement for another table name: a replica has the source's columns, engine
   * and key.
   */
  static String renamed(String createSql, String table) {
    Matcher create = CREATE.matcher(createSql);
    if (!create.matches()) {
      throw new IllegalArgumentException("not a CREATE TABLE statement: " + createSql);
    }
    return createSql.substring(0, create.start(1))
        + "`"
        + table
        + "`"
        + createSql.substring(create.end(1));
  }

  /**
   * The statement that has ClickHouse write every block inserted into {@code table} to its replica
   * too, in the same INSERT: a materialized view with a target. {@code SELECT *} is applied to each
   * inserted block as the table then is, so a column added to both tables (the replica first)
   * reaches the replica without the view being made again.
   */
  static String createFeed(String table, String replica) {
    return "CREATE MATERIALIZED VIEW IF NOT EXISTS `"
        + feedName(table)
        + "` TO `"
        + replica
        + "` AS SELECT * FROM `"
        + table
        + "`";
  }

  /** The name of the view that feeds {@code table}'s replica. */
  static String feedName(String table) {
    return table + DataMigrator.REPLICA_SUFFIX + "_feed";
  }

  /**
   * The feed a {@link #createFeed} statement makes, as a shape with no columns under the view's
   * name (so the record says whether it exists); empty for any other statement.
   */
  static Optional<TableShape> ofFeed(String sql) {
    Matcher feed = FEED.matcher(sql);
    return feed.matches()
        ? Optional.of(new TableShape(ColumnList.bare(feed.group(1)), Map.of(), List.of()))
        : Optional.empty();
  }

  static String addColumn(String table, String column, String type) {
    return "ALTER TABLE `" + table + "` ADD COLUMN `" + column + "` " + type;
  }
}
