package dev.ben.bench.dataplane;

import com.typesafe.config.ConfigFactory;
import dev.ben.bench.table.Section;
import dev.ben.config.FlowSettings;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.project.LoadedProject;
import dev.ben.contracts.project.ProjectLoader;
import dev.ben.streams.graph.PipelineGraph;
import dev.ben.streams.rocks.RocksIndex;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.apache.pekko.actor.ActorSystem;

/**
 * {@code ./ben bench}'s data-plane parts, one per JVM so that one failing leaves the others'
 * figures. Usage: {@code DataPlaneBench pipeline|http|sink PROJECT_DIR OUT_DIR [--quick] [--http
 * http://127.0.0.1:PORT --grpc 127.0.0.1:PORT [--node-pid PID]] [--clickhouse http://127.0.0.1:8123
 * [--clickhouse-tcp-port 9000]]}, with the key of the app the HTTP load sends as in {@code
 * BEN_APP_KEY} (from {@code benctl apps create}; an environment variable, so it does not show in
 * the process list). Each part writes its section files under OUT_DIR ({@code pipeline.json};
 * {@code invoke.json} and {@code ingest.json}; {@code sink.json}) for {@link
 * dev.ben.bench.table.BenchTable}.
 */
public final class DataPlaneBench {

  private DataPlaneBench() {}

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(
          "usage: DataPlaneBench pipeline|http|sink PROJECT_DIR OUT_DIR [--quick] [--http URL --grpc HOST:PORT [--node-pid PID]]"
              + " [--clickhouse URL [--clickhouse-tcp-port PORT]]");
      System.exit(2);
      return;
    }
    for (Section section : run(options)) {
      System.out.println("figures written to " + section.write(options.out()));
    }
  }

  private static List<Section> run(Options options) throws Exception {
    switch (options.part()) {
      case "http" -> {
        String appKey = System.getenv("BEN_APP_KEY");
        if (options.http() == null
            || options.grpc() == null
            || appKey == null
            || appKey.isBlank()) {
          throw new IllegalArgumentException(
              "the http part needs --http URL, --grpc HOST:PORT and BEN_APP_KEY");
        }
        return HttpSection.run(
            new HttpLoad(options.http(), appKey),
            URI.create(options.http()).getAuthority(),
            options.grpc(),
            appKey,
            NodeCost.of(options.nodePid()),
            NodeThreads.of(options.nodePid(), options.out()),
            options.quick());
      }
      case "sink" -> {
        try (ScratchDirectory work = ScratchDirectory.create("ben-bench-sink")) {
          return List.of(
              SinkSection.run(
                  contracts(options),
                  options.clickhouse(),
                  options.clickhouseTcpPort(),
                  work.path(),
                  options.quick()));
        }
      }
      default -> {
        // The node's shared dispatcher (its size, from cluster-config), not Pekko's default.
        ActorSystem system =
            ActorSystem.create(
                "bench", ConfigFactory.load(ConfigFactory.parseResources("ben-dispatcher.conf")));
        try (ScratchDirectory work = ScratchDirectory.create("ben-bench-pipeline");
            RocksIndex index = RocksIndex.open(work.path().resolve("rocks"))) {
          // The node's boundaries (ben.flow, with its BEN_FLOW_BOUNDARY_* overrides).
          FlowSettings flow = FlowSettings.fromConfig(ConfigFactory.load());
          PipelineRun pipeline =
              new PipelineRun(
                  contracts(options),
                  system,
                  index,
                  new PipelineGraph.Boundaries(
                      flow.boundaryBeforeDetector(), flow.boundaryBeforeStore()));
          return List.of(PipelineSection.run(pipeline, options.quick()));
        } finally {
          system.terminate();
        }
      }
    }
  }

  private static ContractSet contracts(Options options) {
    LoadedProject project = ProjectLoader.load(options.project());
    return project
        .compile("bench")
        .orElseThrow(
            () ->
                new IllegalStateException(
                    options.project() + " does not compile: " + project.diagnostics()));
  }

  /** The command line. */
  record Options(
      String part,
      Path project,
      Path out,
      boolean quick,
      String http,
      String grpc,
      String clickhouse,
      int clickhouseTcpPort,
      long nodePid) {

    static Options parse(String[] args) {
      if (args.length < 3 || !List.of("pipeline", "http", "sink").contains(args[0])) {
        throw new IllegalArgumentException(
            "expected a part (pipeline, http or sink) and two paths");
      }
      boolean quick = false;
      String http = null;
      String grpc = null;
      String clickhouse = null;
      int clickhouseTcpPort = 0;
      long nodePid = 0;
      for (int i = 3; i < args.length; i++) {
        switch (args[i]) {
          case "--quick" -> quick = true;
          case "--http" -> http = args[++i];
          case "--grpc" -> grpc = args[++i];
          case "--clickhouse" -> clickhouse = args[++i];
          case "--clickhouse-tcp-port" -> clickhouseTcpPort = Integer.parseInt(args[++i]);
          case "--node-pid" -> nodePid = Long.parseLong(args[++i]);
          default ->
              throw new IllegalArgumentException(
                  "unknown option "
                      + args[i]
                      + "; expected --quick, --http URL, --grpc HOST:PORT, --clickhouse URL, --clickhouse-tcp-port PORT or --node-pid PID");
        }
      }
      return new Options(
          args[0],
          Path.of(args[1]),
          Path.of(args[2]),
          quick,
          http,
          grpc,
          clickhouse,
          clickhouseTcpPort,
          nodePid);
    }
  }
}
