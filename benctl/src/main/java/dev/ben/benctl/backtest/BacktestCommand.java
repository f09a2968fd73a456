package dev.ben.benctl.backtest;

import dev.ben.api.control.BacktestBundleReply;
import dev.ben.api.control.BacktestBundleRequest;
import dev.ben.api.control.BacktestProgress;
import dev.ben.api.control.BacktestRequest;
import dev.ben.api.control.BacktestResult;
import dev.ben.benctl.command.CommandFailure;
import dev.ben.benctl.command.ExitCode;
import dev.ben.benctl.out.Json;
import dev.ben.benctl.remote.ControlCall;
import dev.ben.benctl.remote.ControlConnection;
import dev.ben.benctl.testrun.ContractsInput;
import dev.ben.contracts.backtest.BacktestReport;
import dev.ben.contracts.bundle.BundleReader;
import dev.ben.contracts.bundle.BundleRefusedException;
import dev.ben.contracts.bundle.ContractBundles;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.model.ModelJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code benctl backtest PIPELINE [--version V] [--from T --to T | --events FILE]}: what a
 * candidate version would decide differently from the active one.
 */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    description = {
      "Replay events, in order and each side from empty detector state, through a candidate version of a "
          + "pipeline and through its active one, and show what would change: each rule's and playbook's "
          + "counts before and after, the events decided differently, and the candidate's predicates and "
          + "rules that read fields stored only redacted (not replayable from stored data). Nothing live is "
          + "touched and no signal is sent.",
      "Without --events the server replays the pipeline's stored events (a progress line on stderr); "
          + "--from/--to bound their event time. With --events the file's events run here, against the "
          + "active version's bundle from the server."
    })
public final class BacktestCommand extends ControlCall {

  @Parameters(index = "0", paramLabel = "PIPELINE", description = "The pipeline.")
  private String pipeline;

  @Option(
      names = "--version",
      paramLabel = "V",
      description = "The candidate version (staged or older); default: the newest staged one.")
  private long version;

  @Option(
      names = "--from",
      paramLabel = "TIME",
      description = "First event time replayed (ISO-8601, e.g. 2024-05-01T00:00:00Z).")
  private Instant from;

  @Option(
      names = "--to",
      paramLabel = "TIME",
      description = "Event time the replay stops before (ISO-8601); default: no end.")
  private Instant to;

  @Option(
      names = "--events",
      paramLabel = "FILE.ndjson",
      description = "Replay these events here instead of the stored ones, in file order.")
  private Path events;

  @Option(
      names = "--candidate",
      paramLabel = "DIR|BUNDLE",
      description =
          "With --events: the candidate from a project folder or bundle file, not the server.")
  private Path candidate;

  @Option(
      names = "--schema",
      paramLabel = "NAME",
      description = "With --events: the events' schema; needed when the pipeline takes several.")
  private String schema;

  @Option(
      names = "--show-changed",
      paramLabel = "N",
      defaultValue = "20",
      description = "With --events: how many changed events to name (default: ${DEFAULT-VALUE}).")
  private int showChanged;

  @Override
  protected int run() {
    BacktestReport report = events == null ? onServer() : here();
    out()
        .print(
            output.json()
                ? Json.render(ModelJson.mapper().valueToTree(report))
                : BacktestView.text(report));
    return ExitCode.OK;
  }

  private BacktestReport onServer() {
    if (candidate != null || schema != null) {
      throw CommandFailure.usage("--candidate and --schema go with --events");
    }
    if (version < 0) {
      throw CommandFailure.usage("--version must be a version number, got " + version);
    }
    if (from != null && to != null && !to.isAfter(from)) {
      throw CommandFailure.usage("--to must be after --from");
    }
    BacktestRequest request =
        BacktestRequest.newBuilder()
            .setPipeline(pipeline)
            .setVersion(version)
            .setFromMillis(from == null ? 0 : from.toEpochMilli())
            .setToMillis(to == null ? 0 : to.toEpochMilli())
            .build();
    ProgressLine progress = new ProgressLine(err());
    BacktestResult result;
    try {
      result = ControlConnection.backtest(target(), timeout(), request, progress::show);
    } finally {
      progress.end();
    }
    try {
      return ModelJson.mapper().readValue(result.getReportJson(), BacktestReport.class);
    } catch (IOException e) {
      throw new IllegalStateException("the server's report does not read: " + e.getMessage(), e);
    }
  }

  private BacktestReport here() {
    if (from != null || to != null) {
      throw CommandFailure.usage(
          "--from/--to bound stored events; --events replays the whole file");
    }
    if (!Files.isRegularFile(events)) {
      throw CommandFailure.refused("no events file " + events + "; check the --events path");
    }
    if (candidate != null && version != 0) {
      throw CommandFailure.usage("name the candidate once: --version or --candidate");
    }
    if (candidate == null && version <= 0) {
      throw CommandFailure.usage(
          "--events needs the candidate: --version V or --candidate DIR|BUNDLE");
    }
    ContractSet active = fetched(0);
    ContractSet next =
        candidate != null ? ContractsInput.load(candidate, null, err()) : fetched(version);
    String eventsSchema = ContractsInput.schema(ContractsInput.pipeline(active, pipeline), schema);
    return LocalBacktest.run(active, next, pipeline, eventsSchema, events, showChanged);
  }

  /** A version's contracts from the server (0: the active version). */
  private ContractSet fetched(long wanted) {
    BacktestBundleReply reply =
        ControlConnection.backtestBundle(
            target(),
            timeout(),
            BacktestBundleRequest.newBuilder().setPipeline(pipeline).setVersion(wanted).build());
    try {
      return ContractBundles.contracts(
          BundleReader.read(reply.getBundle().toByteArray()), "v" + reply.getVersion());
    } catch (BundleRefusedException e) {
      throw CommandFailure.refused(
          "the server's bundle of "
              + pipeline
              + " v"
              + reply.getVersion()
              + " does not read: "
              + e.getMessage(),
          e);
    }
  }

  /** The progress line on stderr, rewritten in place as the server reports. */
  private static final class ProgressLine {
    private final java.io.PrintWriter err;
    private boolean shown;

    ProgressLine(java.io.PrintWriter err) {
      this.err = err;
    }

    void show(BacktestProgress progress) {
      err.print(
          "\rreplayed "
              + progress.getEvents()
              + " events, "
              + progress.getChanged()
              + " changed ("
              + progress.getSchema()
              + " up to "
              + Instant.ofEpochMilli(progress.getReachedMillis())
              + ")");
      err.flush();
      shown = true;
    }

    void end() {
      if (shown) {
        err.println();
        err.flush();
      }
    }
  }
}
