package dev.ben.bench.dataplane;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.config.ConnectorSettings.ClickHouseSettings;
import dev.ben.contracts.model.ContractSet;
import dev.ben.streams.store.ClickHouseStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ClickHouse sink beside {@code clickhouse-client} inserting the same rows (RowBinary and
 * TabSeparated; the faster is the reference), on the same number of examples/auth rows, in a fresh
 * database dropped afterwards.
 */
record SinkComparison(
    SinkRun.Result sink, SinkRun.Result clientRowBinary, SinkRun.Result clientTabSeparated) {

  /** The faster of the client's two formats. */
  SinkRun.Result client() {
    return clientRowBinary.rowsPerSecond() >= clientTabSeparated.rowsPerSecond()
        ? clientRowBinary
        : clientTabSeparated;
  }

  /**
   * Measures the sink and the client on {@code rows} rows, the sink in batches of {@code batch}.
   */
  static SinkComparison measure(
      ContractSet contracts, ClickHouseSettings clickHouse, int tcpPort, long rows, int batchSize)
      throws Exception {
    Path work = Files.createTempDirectory("ben-sink");
    try (ClickHouseStore store = ClickHouseStore.open(clickHouse, new ObjectMapper())) {
      SinkRun.Result sink = new SinkRun().run(store, contracts, rows, batchSize);
      ClickHouseClientRun client =
          new ClickHouseClientRun(
              tcpPort, clickHouse.database(), clickHouse.user(), clickHouse.password(), work);
      String table = contracts.schema("login").orElseThrow().table();
      SinkRun.Result rowBinary = client.insert(table, "RowBinary");
      SinkRun.Result tabSeparated = client.insert(table, "TabSeparated");
      store.execute("DROP DATABASE " + clickHouse.database());
      return new SinkComparison(sink, rowBinary, tabSeparated);
    }
  }
}
