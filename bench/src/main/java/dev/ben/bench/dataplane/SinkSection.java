package dev.ben.bench.dataplane;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import dev.ben.bench.table.Figure;
import dev.ben.bench.table.Measured;
import dev.ben.bench.table.Section;
import dev.ben.config.ConnectorSettings;
import dev.ben.config.ConnectorSettings.ClickHouseSettings;
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

  /** Why the ClickHouse sink has no reference until one is wired in. */
  static final String NO_CLIENT_REFERENCE =
      "clickhouse-client on the same rows is not in the bench yet (SinkRun, task \"chsink\")";

  private SinkSection() {}

  static Section run(ContractSet contracts, String clickhouse, Path work, boolean quick)
      throws Exception {
    Section section = new Section(Figure.CLICKHOUSE_SINK.file());
    long rows = quick ? 100_000 : 1_000_000;
    int batch = 5_000;
    if (clickhouse == null) {
      section.put(
          Figure.CLICKHOUSE_SINK,
          Measured.notRun("no ClickHouse server (see target/bench/servers.log)"));
    } else {
      try (AnalyticalStore store =
          ClickHouseStore.open(
              clickHouse(
                  URI.create(clickhouse), "ben_bench_" + Long.toString(System.nanoTime(), 36)),
              new ObjectMapper())) {
        SinkRun.Result result = new SinkRun().run(store, contracts, rows, batch);
        section.put(
            Figure.CLICKHOUSE_SINK,
            Measured.of(result.rowsPerSecond())
                .referenceNotRun(NO_CLIENT_REFERENCE)
                .note(note(result)));
        section.detail("ClickHouse: " + note(result));
      }
    }
    try (EmbeddedStore embedded =
        EmbeddedStore.open(work.resolve("bench.duckdb"), new ObjectMapper())) {
      SinkRun.Result result = new SinkRun().run(embedded, contracts, rows, batch);
      section.put(Figure.EMBEDDED_STORE, Measured.of(result.rowsPerSecond()).note(note(result)));
      section.detail("embedded store: " + note(result));
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
