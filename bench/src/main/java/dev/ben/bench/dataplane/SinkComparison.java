package dev.ben.bench.dataplane;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.config.ConnectorSettings.ClickHouseSettings;
import dev.ben.contracts.model.ContractSet;
import dev.ben.streams.store.ClickHouseStore;
import java.util.ArrayList;
import java.util.List;

/**
 * The ClickHouse sink beside {@code clickhouse-client} inserting the same rows (RowBinary and
 * TabSeparated; the faster is the reference): the sink's timed rows, no more and no fewer, in a
 * fresh database dropped afterwards. The server is brought to rest ({@link SinkQuiet}) before each
 * is timed, so neither pays for merges the other left behind.
 */
record SinkComparison(
    SinkRun.Result sink,
    SinkRun.Result clientRowBinary,
    SinkRun.Result clientTabSeparated,
    String server) {

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
    String table = contracts.schema("login").orElseThrow().table();
    try (ScratchDirectory work = ScratchDirectory.create("ben-sink");
        ClickHouseStore store = ClickHouseStore.open(clickHouse, new ObjectMapper())) {
      SinkQuiet quiet = new SinkQuiet(store);
      List<String> waits = new ArrayList<>();
      SinkServerWork[] atStart = new SinkServerWork[1];
      SinkRun.Step settle =
          () -> {
            waits.add(quiet.settle(table).describe());
            atStart[0] = SinkServerWork.read(store);
          };
      SinkRun.Result sink =
          new SinkRun().run(store, contracts, rows, batchSize, settle, SinkRun.Step.NOTHING);
      SinkServerWork sinkWork = SinkServerWork.read(store).since(atStart[0]);
      ClickHouseClientRun client =
          new ClickHouseClientRun(
              tcpPort,
              clickHouse.database(),
              clickHouse.user(),
              clickHouse.password(),
              work.path());
      SinkRun.Result rowBinary = client.insert(table, "RowBinary", settle);
      SinkServerWork rowBinaryWork = SinkServerWork.read(store).since(atStart[0]);
      SinkRun.Result tabSeparated = client.insert(table, "TabSeparated", settle);
      SinkServerWork tabSeparatedWork = SinkServerWork.read(store).since(atStart[0]);
      store.execute("DROP DATABASE " + clickHouse.database());
      for (SinkRun.Result reference : List.of(rowBinary, tabSeparated)) {
        if (reference.rows() != sink.rows()) {
          throw new IllegalStateException(
              reference.store()
                  + " inserted "
                  + reference.rows()
                  + " rows, the sink "
                  + sink.rows());
        }
      }
      return new SinkComparison(
          sink,
          rowBinary,
          tabSeparated,
          "server at rest before each ("
              + String.join(", ", waits)
              + "); while timed, the sink: "
              + sinkWork.describe()
              + ", clickhouse-client RowBinary: "
              + rowBinaryWork.describe()
              + ", TabSeparated: "
              + tabSeparatedWork.describe());
    }
  }
}
