package dev.ben.bench.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.streams.store.AnalyticalStore;
import java.util.List;

/**
 * A store that keeps nothing: statements succeed and find no rows (so migrations plan every step
 * and record them here), and inserted rows are only measured, so the benchmark stops at the row
 * JSON a real store would be sent.
 */
final class RowSink implements AnalyticalStore {

  private long rows;
  private long chars;

  @Override
  public void execute(String sql) {}

  @Override
  public void insertJsonRows(String table, List<String> jsonRows) {
    for (String row : jsonRows) {
      rows++;
      chars += row.length();
    }
  }

  @Override
  public List<ObjectNode> queryJson(String sql) {
    return List.of();
  }

  long rows() {
    return rows;
  }

  long chars() {
    return chars;
  }

  @Override
  public String describe() {
    return "discarding rows";
  }

  @Override
  public boolean embedded() {
    return true;
  }

  @Override
  public void close() {}
}
