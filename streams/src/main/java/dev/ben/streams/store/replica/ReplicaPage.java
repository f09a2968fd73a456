package dev.ben.streams.store.replica;

import dev.ben.streams.store.RowSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The statements of one replica round, the same text on both stores. A page is the rows past a
 * watermark in (ingested_at, event_id) order, at most {@code pageRows} of them; its end is found by
 * a query that reads only those two columns and answers one row, and the copy then takes every row
 * from the watermark up to that end inside the store.
 */
final class ReplicaPage {

  /** Where a keeper that has copied nothing yet starts, on an empty replica. */
  static final Watermark NEVER = new Watermark("1970-01-01 00:00:00", "");

  /**
   * Rows past a watermark; its parameters are the watermark's second, twice, then its event_id. The
   * cast because DuckDB does not compare a timestamp with a text parameter.
   */
  private static final String PAST =
      "(ingested_at > CAST(? AS DateTime)"
          + " OR (ingested_at = CAST(? AS DateTime) AND event_id > ?))";

  /** Rows up to and including a page's end; its parameters are as {@link #PAST}'s. */
  private static final String UP_TO =
      "(ingested_at < CAST(? AS DateTime)"
          + " OR (ingested_at = CAST(? AS DateTime) AND event_id <= ?))";

  /** The copy's condition, past one watermark and up to another: {@link #between} binds it. */
  static final String BETWEEN = PAST + " AND " + UP_TO;

  /**
   * What every row past a watermark meets, on the one column the stores read from the whole table
   * to find them ({@link RowSelection}): {@link #PAST} and {@link #UP_TO} also name event_id.
   */
  static final String SINCE = "ingested_at >= CAST(? AS DateTime)";

  /**
   * Rows at or before a second; its parameter is the second: a fed replica's catch-up ends there.
   */
  private static final String UNTIL = "ingested_at <= CAST(? AS DateTime)";

  /** The width of DateTime text ({@code 2024-05-01 10:00:00}), the first part of a key. */
  private static final int DATE_TIME_WIDTH = 19;

  /** A position in (ingested_at, event_id) order; ingested_at as the stores print DateTime. */
  record Watermark(String ingestedAt, String eventId) {

    /** The watermark a key of {@link #end} names: the DateTime text, then the event_id. */
    static Watermark ofKey(String key) {
      return new Watermark(key.substring(0, DATE_TIME_WIDTH), key.substring(DATE_TIME_WIDTH));
    }
  }

  private ReplicaPage() {}

  /** The rows past a watermark, narrowed to those since its second: what {@link #end} reads. */
  static RowSelection past(Watermark mark) {
    return new RowSelection(
        SINCE,
        PAST,
        List.of(mark.ingestedAt(), mark.ingestedAt(), mark.ingestedAt(), mark.eventId()));
  }

  /**
   * One row: {@code n}, the rows of the page that {@code clause} selects (the {@link
   * RowSelection#clause} of {@link #past}, with its parameters), and {@code last}, its last key.
   * The key is the DateTime text followed by the event_id: the text has a fixed width, so the
   * greatest key is the last row in (ingested_at, event_id) order, on both stores alike. FINAL so a
   * retried batch not merged yet does not fill the page with copies of the same rows. On ClickHouse
   * the watermark's second is a PREWHERE: only its column is read from the whole table, and only
   * the rows past it are merged. A WHERE had the server merge the whole table every round (its
   * sorting key does not start with ingested_at), and a PREWHERE of the whole condition read every
   * event_id: 94 ms a round at 3 million rows against 19 ms (docs/bench.md).
   */
  static String end(String table, int pageRows, String clause) {
    return "SELECT count(*) AS n, max(concat(CAST(ingested_at AS String), event_id)) AS last"
        + " FROM (SELECT ingested_at, event_id FROM "
        + table
        + " FINAL"
        + clause
        + " ORDER BY ingested_at, event_id LIMIT "
        + pageRows
        + ")";
  }

  /** The rows past a watermark up to the second {@code until}, as {@link #past(Watermark)}. */
  static RowSelection past(Watermark mark, String until) {
    List<Object> parameters = new ArrayList<>(past(mark).parameters());
    parameters.add(until);
    return new RowSelection(SINCE, PAST + " AND " + UNTIL, parameters);
  }

  /** The rows from past one watermark up to another, narrowed to those since the first's second. */
  static RowSelection copy(Watermark from, Watermark to) {
    List<Object> parameters = new ArrayList<>();
    parameters.add(from.ingestedAt());
    parameters.addAll(between(from, to));
    return new RowSelection(SINCE, BETWEEN, parameters);
  }

  static List<Object> between(Watermark from, Watermark to) {
    return List.of(
        from.ingestedAt(),
        from.ingestedAt(),
        from.eventId(),
        to.ingestedAt(),
        to.ingestedAt(),
        to.eventId());
  }

  /** The newest ingested_at of the table ({@code source}) and of its replica, in one query. */
  static String newest(String table, String replica) {
    return "SELECT (SELECT max(ingested_at) FROM "
        + table
        + ") AS source, (SELECT max(ingested_at) FROM "
        + replica
        + ") AS replica";
  }

  /**
   * Where a restarted keeper starts: the replica's newest row, for a fed replica up to the second
   * {@code until} (rows after it came through the feed); its parameters are {@link
   * #untilParameters}.
   */
  static String newestRow(String replica, Optional<String> until) {
    return "SELECT ingested_at, event_id FROM "
        + replica
        + (until.isPresent() ? " WHERE " + UNTIL : "")
        + " ORDER BY ingested_at DESC, event_id DESC LIMIT 1";
  }

  /** The parameters of {@link #newestRow}: the second {@code until}, if any. */
  static List<Object> untilParameters(Optional<String> until) {
    return until.<List<Object>>map(List::of).orElse(List.of());
  }
}
