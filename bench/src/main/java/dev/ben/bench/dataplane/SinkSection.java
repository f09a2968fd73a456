package dev.ben.bench.dataplane;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import dev.ben.bench.table.Figure;
import dev.ben.bench.table.Measured;
import dev.ben.bench.table.Section;
import dev.ben.config.ConnectorSettings;
import dev.ben.config.ConnectorSettings.ClickHouseSettings;
import dev.ben.config.FlowSettings;
import dev.ben.contracts.model.ContractSet;
import dev.ben.streams.store.AnalyticalStore;
import dev.ben.streams.store.ClickHouseStore;
import dev.ben.streams.store.EmbeddedStore;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The stores alone: evaluated examples/auth rows through the store stage's writer ({@link SinkRun})
 * into ClickHouse, when a server is given, and into the embedded store (DuckDB).
 */
final class SinkSection {

  private SinkSection() {}

  /**
   * @param clickhouseTcpPort the server's native port, for {@code clickhouse-client}; 0 when
   *     unknown (the sink is then measured without its reference)
   */
  static Section run(
      ContractSet contracts, String clickhouse, int clickhouseTcpPort, Path work, boolean quick)
      throws Exception {
    Section section = new Section(Figure.CLICKHOUSE_SINK.file());
    long rows = quick ? 100_000 : 1_000_000;
    // Batches as a node's store stage forms them under load.
    int batch = FlowSettings.fromConfig(ConfigFactory.defaultReference()).storeBatchSize();
    if (clickhouse == null) {
      section.put(
          Figure.CLICKHOUSE_SINK,
          Measured.notRun("no ClickHouse server (see target/bench/servers.log)"));
    } else {
      ClickHouseSettings settings =
          clickHouse(URI.create(clickhouse), "ben_bench_" + Long.toString(System.nanoTime(), 36));
      if (clickhouseTcpPort > 0) {
        SinkComparison compared =
            SinkComparison.measure(contracts, settings, clickhouseTcpPort, rows, batch);
        SinkRun.Result client = compared.client();
        section.put(
            Figure.CLICKHOUSE_SINK,
            Measured.of(compared.sink().rowsPerSecond())
                .reference(
                    client.rowsPerSecond(),
                    String.format(
                        Locale.ROOT,
                        "clickhouse-client (%s) %,.0f rows/s",
                        client == compared.clientRowBinary() ? "RowBinary" : "TabSeparated",
                        client.rowsPerSecond()))
                .note(note(compared.sink())));
        section.detail(
            String.format(
                Locale.ROOT,
                "ClickHouse: %s; clickhouse-client RowBinary %,.0f rows/s, TabSeparated %,.0f rows/s,"
                    + " each one INSERT of the same %,d rows (one part; the sink writes one per"
                    + " batch); %s",
                note(compared.sink()),
                compared.clientRowBinary().rowsPerSecond(),
                compared.clientTabSeparated().rowsPerSecond(),
                compared.client().rows(),
                compared.server()));
      } else {
        try (AnalyticalStore store = ClickHouseStore.open(settings, new ObjectMapper())) {
          String table = contracts.schema("login").orElseThrow().table();
          SinkQuiet quiet = new SinkQuiet(store);
          SinkRun.Result result =
              new SinkRun()
                  .run(
                      store,
                      contracts,
                      rows,
                      batch,
                      () -> quiet.settle(table),
                      SinkRun.Step.NOTHING);
          section.put(
              Figure.CLICKHOUSE_SINK,
              Measured.of(result.rowsPerSecond())
                  .referenceNotRun(
                      "the ClickHouse server's native port is unknown (--clickhouse-tcp-port)")
                  .note(note(result)));
          section.detail("ClickHouse: " + note(result));
          store.execute("DROP DATABASE " + settings.database());
        }
      }
    }
    // Configured as a node's is (ben.connectors.embedded).
    ConnectorSettings.EmbeddedSettings embeddedSettings =
        ConnectorSettings.fromConfig(ConfigFactory.defaultReference().resolve()).embedded();
    try (EmbeddedStore embedded =
        EmbeddedStore.open(work.resolve("bench.duckdb"), new ObjectMapper(), embeddedSettings)) {
      // DuckDB moves committed rows from its log into the database file at a checkpoint, every
      // ben.connectors.embedded.checkpoint-threshold of log: the warm-up's before the clock starts,
      // the timed rows' inside it, so the figure holds each row's share of that work once.
      SinkRun.Step checkpoint = () -> embedded.execute("CHECKPOINT");
      SinkRun.Result result =
          new SinkRun().run(embedded, contracts, rows, batch, checkpoint, checkpoint);
      String note =
          String.format(
              Locale.ROOT,
              "%s, on %d connection%s, its checkpoint included",
              note(result),
              embeddedSettings.writers(),
              embeddedSettings.writers() == 1 ? "" : "s");
      section.put(Figure.EMBEDDED_STORE, Measured.of(result.rowsPerSecond()).note(note));
      section.detail("embedded store: " + note);
    }
    return section;
  }

  private static String note(SinkRun.Result result) {
    return String.format(
        Locale.ROOT,
        "%,d rows in batches of %,d in %.1f s, the store stage's writer",
        result.rows(),
        result.batchSize(),
        result.seconds());
  }

  /** ClickHouse at {@code url} with the defaults of ben.connectors.clickhouse (user, timings). */
  private static ClickHouseSettings clickHouse(URI url, String database) {
    return ConnectorSettings.fromConfig(
            ConfigFactory.parseMap(Map.of("url", url.toString(), "database", database))
                .atPath("ben.connectors.clickhouse")
                .withFallback(ConfigFactory.defaultReference())
                .resolve())
        .clickHouse()
        .orElseThrow();
  }
}
