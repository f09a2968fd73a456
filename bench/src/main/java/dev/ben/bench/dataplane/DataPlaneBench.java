package dev.ben.bench.dataplane;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import dev.ben.config.ConnectorSettings;
import dev.ben.config.ConnectorSettings.ClickHouseSettings;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.project.LoadedProject;
import dev.ben.contracts.project.ProjectLoader;
import dev.ben.streams.rocks.RocksIndex;
import dev.ben.streams.store.AnalyticalStore;
import dev.ben.streams.store.ClickHouseStore;
import dev.ben.streams.store.EmbeddedStore;
import dev.ben.streams.store.migrate.DataMigrator;
import dev.ben.streams.store.tables.RawEventTable;
import dev.ben.streams.store.tables.SchemaTableWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.pekko.actor.ActorSystem;

/**
 * {@code ./ben bench}'s data-plane part. Usage: {@code DataPlaneBench PROJECT_DIR OUT_JSON
 * [--quick] [--http http://127.0.0.1:PORT] [--clickhouse http://127.0.0.1:8123]}, with the key of
 * the app the HTTP load sends as in {@code BEN_APP_KEY} (from {@code benctl apps create}; an
 * environment variable, so it does not show in the process list). Prints each figure next to its
 * target and writes them all as JSON.
 */
public final class DataPlaneBench {

  private DataPlaneBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println(
          "usage: DataPlaneBench PROJECT_DIR OUT_JSON [--quick] [--http URL] [--clickhouse URL]");
      System.exit(2);
    }
    Options options = Options.parse(args);
    LoadedProject project = ProjectLoader.load(options.project());
    ContractSet contracts =
        project
            .compile("bench")
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        options.project() + " does not compile: " + project.diagnostics()));
    BenchReport report = new BenchReport();
    Path work = Files.createTempDirectory("ben-bench");
    ActorSystem system = ActorSystem.create("bench");
    try (RocksIndex index = RocksIndex.open(work.resolve("rocks"))) {
      PipelineRun pipeline = new PipelineRun(contracts, system, index);
      long full = options.quick() ? 200_000 : 2_000_000;
      pipeline.run("warm-up", options.quick() ? 50_000 : 300_000, 0, true, slot -> batch -> {});
      report.pipeline(
          pipeline.run("full speed, discarding store", full, 0, true, slot -> batch -> {}), 0);
      int seconds = options.quick() ? 5 : 20;
      report.pipeline(
          pipeline.run("100,000/s", 100_000L * seconds, 100_000, false, slot -> batch -> {}),
          100_000);
      report.pipeline(
          pipeline.run("50,000/s", 50_000L * seconds, 50_000, false, slot -> batch -> {}), 50_000);
      try (EmbeddedStore embedded =
          EmbeddedStore.open(work.resolve("bench.duckdb"), new ObjectMapper())) {
        DataMigrator migrator = new DataMigrator(embedded, new ObjectMapper());
        report.pipeline(
            pipeline.run(
                "full speed, embedded store",
                full / 4,
                0,
                true,
                slot ->
                    new SchemaTableWriter(
                        migrator,
                        slot,
                        RawEventTable.writer(migrator, new ObjectMapper()),
                        new ObjectMapper())),
            0);
      }
      String appKey = System.getenv("BEN_APP_KEY");
      if (options.http() != null && (appKey == null || appKey.isBlank())) {
        report.skipped("HTTP ingest and invocation", "no app key in BEN_APP_KEY");
      } else if (options.http() != null) {
        HttpLoad http = new HttpLoad(options.http(), appKey);
        // Invocations first, on a pipeline with nothing queued; the ingest load after them fills
        // its buffers.
        http.invoke(500, Duration.ofSeconds(3));
        report.invoke(http.invoke(2_000, Duration.ofSeconds(options.quick() ? 5 : 20)));
        report.ingest(http.ingest(Duration.ofSeconds(options.quick() ? 5 : 20), 4, 1_000));
      } else {
        report.skipped("HTTP ingest and invocation", "no node URL given (--http)");
      }
      if (options.clickhouse() != null) {
        try (AnalyticalStore store =
            ClickHouseStore.open(
                clickHouse(
                    URI.create(options.clickhouse()),
                    "ben_bench_" + Long.toString(System.nanoTime(), 36)),
                new ObjectMapper())) {
          report.sink(
              new SinkRun().run(store, contracts, options.quick() ? 100_000 : 1_000_000, 5_000));
        }
      } else {
        report.skipped("ClickHouse sink", "no ClickHouse URL given (--clickhouse)");
      }
    } finally {
      system.terminate();
    }
    report.print(System.out);
    Files.createDirectories(options.out().toAbsolutePath().getParent());
    Files.writeString(options.out(), report.json().toPrettyString());
    System.out.println("figures written to " + options.out());
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

  /** The command line. */
  record Options(Path project, Path out, boolean quick, String http, String clickhouse) {

    static Options parse(String[] args) {
      boolean quick = false;
      String http = null;
      String clickhouse = null;
      for (int i = 2; i < args.length; i++) {
        switch (args[i]) {
          case "--quick" -> quick = true;
          case "--http" -> http = args[++i];
          case "--clickhouse" -> clickhouse = args[++i];
          default ->
              throw new IllegalArgumentException(
                  "unknown option "
                      + args[i]
                      + "; expected --quick, --http URL or --clickhouse URL");
        }
      }
      return new Options(Path.of(args[0]), Path.of(args[1]), quick, http, clickhouse);
    }
  }
}
