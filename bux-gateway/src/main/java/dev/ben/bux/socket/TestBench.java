package dev.ben.bux.socket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.config.WebSocketSettings;
import dev.ben.contracts.bundle.BundleRefusedException;
import dev.ben.contracts.bundle.ContractBundles;
import dev.ben.contracts.diag.Diagnostic;
import dev.ben.contracts.diag.DiagnosticRenderer;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.model.Pipeline;
import dev.ben.contracts.project.LoadedProject;
import dev.ben.contracts.project.ProjectLoader;
import dev.ben.contracts.project.SourceTree;
import dev.ben.contracts.testbench.TestBenchRun;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * The {@code testbench} method: runs NDJSON events through a pipeline's contracts (sources typed in
 * the page, labelled {@code dev} as {@code benctl test DIR} labels them, or a version the ledger
 * holds, labelled with its number as a node running it and {@code benctl test BUNDLE
 * --contract-version N} label it) with the code {@code benctl test} runs, so the result's {@code
 * output} is exactly the text {@code benctl test -o json} prints. Compiling and running block, so
 * they run on {@code blocking}.
 */
final class TestBench {

  /** Diagnostics quoted when sources do not compile; the page shows them, the rest are counted. */
  private static final int DIAGNOSTICS_SHOWN = 5;

  private final WebSocketSettings limits;
  private final BundleReads bundles;
  private final Executor blocking;

  TestBench(WebSocketSettings limits, BundleReads bundles, Executor blocking) {
    this.limits = limits;
    this.bundles = bundles;
    this.blocking = blocking;
  }

  CompletionStage<JsonNode> call(JsonNode params) {
    TestBenchParams checked;
    try {
      checked = TestBenchParams.parse(params, limits);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    CompletionStage<ContractSet> contracts =
        checked.sources() != null
            ? CompletableFuture.supplyAsync(() -> compile(checked.sources()), blocking)
            : bundles
                .read(checked.pipeline(), checked.version())
                .thenApplyAsync(TestBench::contracts, blocking);
    return contracts.thenApplyAsync(set -> run(set, checked), blocking);
  }

  private static ContractSet compile(java.util.Map<String, String> sources) {
    LoadedProject project = ProjectLoader.load(SourceTree.of(sources));
    if (!project.ok()) {
      List<Diagnostic> errors =
          project.diagnostics().sorted().stream().filter(Diagnostic::isError).toList();
      throw new IllegalArgumentException(
          "the sources do not compile ("
              + errors.size()
              + " errors):\n"
              + errors.stream()
                  .limit(DIAGNOSTICS_SHOWN)
                  .map(DiagnosticRenderer::render)
                  .collect(Collectors.joining("\n")));
    }
    return project.compile("dev").orElseThrow();
  }

  /** Labelled with the ledger's version, as a node running the bundle labels its outcomes. */
  private static ContractSet contracts(StoredBundle stored) {
    String version = ContractBundles.versionLabel(stored.version());
    try {
      return ContractBundles.contracts(stored.bundle(), version);
    } catch (BundleRefusedException e) {
      throw new IllegalStateException(
          "the bundle of " + version + " does not load: " + e.getMessage(), e);
    }
  }

  private static JsonNode run(ContractSet contracts, TestBenchParams params) {
    Pipeline pipeline =
        contracts
            .pipeline(params.pipeline())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no pipeline '"
                            + params.pipeline()
                            + "'; the contracts declare "
                            + contracts.pipelines().stream().map(Pipeline::name).toList()));
    String schema = schema(pipeline, params.schema());
    ObjectNode result =
        TestBenchRun.run(
                contracts, pipeline.name(), schema, TestBenchRun.DEFAULT_HASH_KEY, params.events())
            .toJson();
    return result.put("pipeline", pipeline.name()).put("schema", schema);
  }

  private static String schema(Pipeline pipeline, String named) {
    if (named != null && !pipeline.schemas().contains(named)) {
      throw new IllegalArgumentException(
          "pipeline '"
              + pipeline.name()
              + "' has no schema '"
              + named
              + "'; it has "
              + pipeline.schemas());
    }
    if (named == null && pipeline.schemas().size() != 1) {
      throw new IllegalArgumentException(
          "pipeline '"
              + pipeline.name()
              + "' takes the schemas "
              + pipeline.schemas()
              + "; say which one the events are with \"schema\"");
    }
    return named != null ? named : pipeline.schemas().get(0);
  }
}
