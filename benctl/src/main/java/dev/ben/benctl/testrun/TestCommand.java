package dev.ben.benctl.testrun;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ben.benctl.command.CommandFailure;
import dev.ben.benctl.command.ExitCode;
import dev.ben.benctl.command.Subcommand;
import dev.ben.benctl.out.OutputOptions;
import dev.ben.contracts.engine.ContractRuntime;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.model.Pipeline;
import dev.ben.contracts.testbench.EventLines;
import dev.ben.contracts.testbench.EventRunner;
import dev.ben.contracts.testbench.TestBenchRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code benctl test [DIR|BUNDLE] --events FILE.ndjson}: runs contracts over sample events, no
 * cluster needed.
 */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description = {
      "Run a project's contracts (or a built bundle) over sample events, in order, with detector "
          + "and playbook state carried from one event to the next, and show what was decided for each event.",
      "Without --events, runs every DIR/events/*.ndjson. An events file X.ndjson with a sibling X.expect is "
          + "checked against it (one JSON object per event naming the outcomes that must hold); any "
          + "difference exits 1."
    })
public final class TestCommand extends Subcommand {

  @Parameters(
      index = "0",
      arity = "0..1",
      defaultValue = ".",
      paramLabel = "DIR|BUNDLE",
      description =
          "A project folder (compiled in memory) or a bundle file; default: the current folder.")
  private Path source;

  @Option(
      names = "--events",
      paramLabel = "FILE.ndjson",
      description =
          "Events to run, one JSON object per "
              + "line; repeat for several files (each starts with fresh detector state).")
  private List<Path> events = new ArrayList<>();

  @Option(
      names = "--pipeline",
      paramLabel = "NAME",
      description = "The pipeline to run; needed when there are several.")
  private String pipelineName;

  @Option(
      names = "--schema",
      paramLabel = "NAME",
      description = "The events' schema; needed when the pipeline " + "takes several.")
  private String schemaName;

  @Option(
      names = "--hash-key",
      paramLabel = "TEXT",
      defaultValue = TestBenchRun.DEFAULT_HASH_KEY,
      description =
          "The deployment key for hash(keyed) redactions (default: ${DEFAULT-VALUE}), fixed so that "
              + "expectations are reproducible.")
  private String hashKey;

  @Option(
      names = "--write-expect",
      description =
          "Write (or replace) each events file's .expect with the "
              + "outcomes of this run instead of checking them; review the result before committing it.")
  private boolean writeExpect;

  @Option(
      names = "--contract-version",
      paramLabel = "N",
      description =
          "The ledger version the bundle file was staged as: outcomes then name it (vN) as a node "
              + "running it and bux's test bench do. Only with a bundle file.")
  private Long contractVersion;

  @Mixin private OutputOptions output;

  @Override
  protected int run() {
    ContractSet contracts = ContractsInput.load(source, contractVersion, err());
    Pipeline pipeline = ContractsInput.pipeline(contracts, pipelineName);
    String schema = ContractsInput.schema(pipeline, schemaName);
    int mismatches = 0;
    for (Path file : eventFiles()) {
      mismatches += runFile(contracts, pipeline, schema, file);
    }
    return mismatches == 0 ? ExitCode.OK : ExitCode.REFUSED;
  }

  private int runFile(ContractSet contracts, Pipeline pipeline, String schema, Path file) {
    var runner =
        new EventRunner(
            ContractRuntime.build(
                contracts, pipeline.name(), hashKey.getBytes(StandardCharsets.UTF_8)),
            schema);
    List<EventLines.Line> lines = EventsFile.events(file);
    Path expectFile = EventsFile.expectFileOf(file);
    List<JsonNode> expected =
        !writeExpect && Files.isRegularFile(expectFile)
            ? EventsFile.expectations(expectFile)
            : null;
    var report = new FileReport(file, expected == null ? null : expectFile, lines.size());
    if (expected != null && expected.size() != lines.size()) {
      report.mismatch(
          expectFile
              + " has "
              + expected.size()
              + " expectations for "
              + lines.size()
              + " events in "
              + file
              + "; keep one line per event (use {} to check nothing)");
    }
    List<String> written = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      JsonNode outcome = runner.run(lines.get(i).number(), lines.get(i).text());
      report.count(outcome);
      out().print(output.json() ? TestBenchRun.jsonLine(outcome) : OutcomeText.render(outcome));
      if (expected != null && i < expected.size()) {
        Expectations.differences(expected.get(i), outcome)
            .forEach(d -> report.mismatch(file + " line " + outcome.get("line") + ": " + d));
      }
      written.add(ExpectWriter.line(outcome));
    }
    if (writeExpect) {
      write(expectFile, written);
    }
    report.print(output.json() ? err() : out(), err(), writeExpect ? expectFile : null);
    return report.mismatches();
  }

  private List<Path> eventFiles() {
    if (!events.isEmpty()) {
      events.stream()
          .filter(f -> !Files.isRegularFile(f))
          .findFirst()
          .ifPresent(
              missing -> {
                throw CommandFailure.refused(
                    "no events file " + missing + "; check the --events path");
              });
      return events;
    }
    Path folder = source.resolve("events");
    if (!Files.isDirectory(source) || !Files.isDirectory(folder)) {
      throw CommandFailure.usage(
          "no events to run: pass --events FILE.ndjson, or put *.ndjson files in " + folder);
    }
    try (var listing = Files.list(folder)) {
      List<Path> found =
          listing.filter(f -> f.getFileName().toString().endsWith(".ndjson")).sorted().toList();
      if (found.isEmpty()) {
        throw CommandFailure.usage(
            folder + " holds no *.ndjson events files; pass --events FILE.ndjson");
      }
      return found;
    } catch (IOException e) {
      throw CommandFailure.refused("cannot list " + folder + ": " + e.getMessage(), e);
    }
  }

  private static void write(Path expectFile, List<String> lines) {
    try {
      Files.write(expectFile, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw CommandFailure.refused("cannot write " + expectFile + ": " + e.getMessage(), e);
    }
  }
}
