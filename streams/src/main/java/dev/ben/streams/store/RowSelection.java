package dev.ben.streams.store;

import java.util.List;

/**
 * The rows a copy selects ({@link AnalyticalStore#copyRows}): those {@code exact} selects, which
 * all also meet {@code narrowing}, a condition on one column (empty for none). ClickHouse 18.16
 * reads each column its PREWHERE names from the whole table, so the narrowing alone is the PREWHERE
 * and the columns of the exact condition are read only where the narrowing holds: a replica's copy
 * past a watermark on {@code ingested_at} then reads that one column of the table, not the event
 * ids too (docs/bench.md). A store without PREWHERE takes both as one condition. Placeholders bind
 * {@code parameters}, the narrowing's first.
 */
public record RowSelection(String narrowing, String exact, List<Object> parameters) {

  /** The rows {@code exact} selects, with nothing to narrow the read by. */
  public static RowSelection where(String exact, List<Object> parameters) {
    return new RowSelection("", exact, parameters);
  }

  /** Both conditions as one, for a store that reads them together. */
  public String conjunction() {
    return narrowing.isEmpty() ? exact : "(" + narrowing + ") AND (" + exact + ")";
  }

  /**
   * The clause after a {@code FROM ... FINAL}: with {@code prewhere} (ClickHouse) the narrowing
   * alone is the PREWHERE and the exact condition the WHERE, or the exact condition the PREWHERE
   * when there is no narrowing (so FINAL merges only the selected rows); otherwise one WHERE.
   */
  public String clause(boolean prewhere) {
    if (!prewhere) {
      return " WHERE " + conjunction();
    }
    return narrowing.isEmpty()
        ? " PREWHERE " + exact
        : " PREWHERE " + narrowing + " WHERE " + exact;
  }
}
