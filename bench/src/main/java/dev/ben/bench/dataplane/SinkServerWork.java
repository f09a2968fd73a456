package dev.ben.bench.dataplane;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.streams.store.AnalyticalStore;
import java.util.Locale;

/**
 * What the ClickHouse server did while a writer was timed, from its own counters (so the machine's
 * load does not move it): the parts it wrote, one per insert block, and the rows its merges
 * rewrote. The sink's many inserts make many parts, which the server merges while the sink runs;
 * the reference's single insert makes one.
 */
record SinkServerWork(long partsWritten, long rowsMerged) {

  /** The server's counters since it started. */
  static SinkServerWork read(AnalyticalStore clickHouse) {
    long parts = 0;
    long merged = 0;
    for (ObjectNode event :
        clickHouse.queryJson(
            "SELECT event, value FROM system.events"
                + " WHERE event IN ('MergeTreeDataWriterBlocks', 'MergedRows')")) {
      long value = event.get("value").asLong();
      if (event.get("event").asText().equals("MergedRows")) {
        merged = value;
      } else {
        parts = value;
      }
    }
    return new SinkServerWork(parts, merged);
  }

  /** The work done between {@code earlier} and this reading. */
  SinkServerWork since(SinkServerWork earlier) {
    return new SinkServerWork(partsWritten - earlier.partsWritten, rowsMerged - earlier.rowsMerged);
  }

  String describe() {
    return String.format(
        Locale.ROOT, "parts written %,d, rows merged %,d", partsWritten, rowsMerged);
  }
}
