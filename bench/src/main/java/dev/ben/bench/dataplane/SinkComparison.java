package dev.ben.bench.dataplane;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.ConfigFactory;
import dev.ben.config.ConnectorSettings;
import dev.ben.config.ConnectorSettings.ClickHouseSettings;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.project.LoadedProject;
import dev.ben.contracts.project.ProjectLoader;
import dev.ben.streams.store.ClickHouseStore;
import dev.ben.streams.store.EmbeddedStore;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The store figures of one run: the ClickHouse sink, {@code clickhouse-client} inserting the same
 * rows (RowBinary and TabSeparated; the faster is the reference) and the embedded store, each on
 * the same number of examples/auth rows. Usage: {@code SinkComparison PROJECT_DIR --clickhouse
 * http://127.0.0.1:8123 --tcp-port 9000 [--rows N] [--batch N]}; prints one line starting {@code
 * sink:} and the figures as JSON on the next line.
 */
public record SinkComparison(
    SinkRun.Result sink,
    SinkRun.Result clientRowBinary,
    SinkRun.Result clientTabSeparated,
    SinkRun.Result embedded) {

  /** The sink must reach this many rows a second... */
  public static final double TARGET_ROWS_PER_SECOND = 300_000;

  /** ...and this share of clickhouse-client's rate on the same rows. */
  public static final double TARGET_SHARE_OF_CLIENT = 0.8;

  /** The faster of the client's two formats. */
  public SinkRun.Result client() {
    return clientRowBinary.rowsPerSecond() >= clientTabSeparated.rowsPerSecond()
        ? clientRowBinary
        : clientTabSeparated;
  }

  public double shareOfClient() {
    return sink.rowsPerSecond() / client().rowsPerSecond();
  }

  public boolean met() {
    return sink.rowsPerSecond() >= TARGET_ROWS_PER_SECOND
        && shareOfClient() >= TARGET_SHARE_OF_CLIENT;
  }

  /**
   * Measures all three on {@code rows} rows in batches of {@code batchSize}, in a fresh database.
   */
  public static SinkComparison measure(
      ContractSet contracts, ClickHouseSettings clickHouse, int tcpPort, long rows, int batchSize)
      throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    Path work = Files.createTempDirectory("ben-sink");
    SinkRun.Result sink;
    SinkRun.Result rowBinary;
    SinkRun.Result tabSeparated;
    try (ClickHouseStore store = ClickHouseStore.open(clickHouse, mapper)) {
      sink = new SinkRun().run(store, contracts, rows, batchSize);
      ClickHouseClientRun client =
          new ClickHouseClientRun(
              tcpPort, clickHouse.database(), clickHouse.user(), clickHouse.password(), work);
      String table = contracts.schema("login").orElseThrow().table();
      rowBinary = client.insert(table, "RowBinary");
      tabSeparated = client.insert(table, "TabSeparated");
      store.execute("DROP DATABASE " + clickHouse.database());
    }
    SinkRun.Result embedded;
    try (EmbeddedStore store = EmbeddedStore.open(work.resolve("sink.duckdb"), mapper)) {
      embedded = new SinkRun().run(store, contracts, rows, batchSize);
    }
    return new SinkComparison(sink, rowBinary, tabSeparated, embedded);
  }

  /** The figures on one line, for the bench's log and report. */
  public String line() {
    return String.format(
        Locale.ROOT,
        "sink: clickhouse %,.0f rows/s (%,d rows, batches of %,d); clickhouse-client RowBinary"
            + " %,.0f rows/s, TabSeparated %,.0f rows/s; sink/client %.2f (target >= %.1f and >="
            + " %,.0f rows/s: %s); embedded %,.0f rows/s",
        sink.rowsPerSecond(),
        sink.rows(),
        sink.batchSize(),
        clientRowBinary.rowsPerSecond(),
        clientTabSeparated.rowsPerSecond(),
        shareOfClient(),
        TARGET_SHARE_OF_CLIENT,
        TARGET_ROWS_PER_SECOND,
        met() ? "met" : "SHORT",
        embedded.rowsPerSecond());
  }

  public ObjectNode json(ObjectMapper mapper) {
    ObjectNode json = mapper.createObjectNode();
    json.put("rows", sink.rows()).put("batch", sink.batchSize());
    json.put("clickhouse_sink_rows_per_second", sink.rowsPerSecond());
    json.put("client_rowbinary_rows_per_second", clientRowBinary.rowsPerSecond());
    json.put("client_tabseparated_rows_per_second", clientTabSeparated.rowsPerSecond());
    json.put("sink_share_of_client", shareOfClient());
    json.put("embedded_rows_per_second", embedded.rowsPerSecond());
    return json.put("met", met());
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 5) {
      System.err.println(
          "usage: SinkComparison PROJECT_DIR --clickhouse URL --tcp-port PORT [--rows N]"
              + " [--batch N]");
      System.exit(2);
    }
    Path project = Path.of(args[0]);
    String url = null;
    int tcpPort = 0;
    long rows = 1_000_000;
    int batch = 5_000;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--clickhouse" -> url = args[++i];
        case "--tcp-port" -> tcpPort = Integer.parseInt(args[++i]);
        case "--rows" -> rows = Long.parseLong(args[++i]);
        case "--batch" -> batch = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    LoadedProject loaded = ProjectLoader.load(project);
    ContractSet contracts =
        loaded
            .compile("bench")
            .orElseThrow(() -> new IllegalStateException(loaded.diagnostics().render()));
    String database = "ben_sink_" + Long.toString(System.nanoTime(), 36);
    SinkComparison figures =
        measure(contracts, clickHouse(URI.create(url), database), tcpPort, rows, batch);
    System.out.println(figures.line());
    System.out.println(figures.json(new ObjectMapper()));
  }

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
