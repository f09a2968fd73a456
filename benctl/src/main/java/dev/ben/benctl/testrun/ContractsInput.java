package dev.ben.benctl.testrun;

import dev.ben.benctl.bundle.BundleFileInput;
import dev.ben.benctl.command.CommandFailure;
import dev.ben.benctl.project.ProjectInput;
import dev.ben.contracts.bundle.BundleRefusedException;
import dev.ben.contracts.bundle.ContractBundles;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.model.Pipeline;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The compiled contracts a test runs: a project folder compiled in memory, or a built bundle file.
 */
public final class ContractsInput {

  private ContractsInput() {}

  /** The version label of a bundle file whose ledger version the reader did not name. */
  static final String UNNAMED_BUNDLE = "bundle";

  /**
   * The contracts of {@code source}, labelled {@code dev} for a project folder; a bundle file is
   * labelled as the ledger's version {@code contractVersion} when given (so its outcomes read as a
   * node running that version writes them), {@value #UNNAMED_BUNDLE} otherwise.
   */
  public static ContractSet load(Path source, Long contractVersion, PrintWriter err) {
    if (Files.isRegularFile(source)) {
      String label =
          contractVersion == null ? UNNAMED_BUNDLE : ContractBundles.versionLabel(contractVersion);
      try {
        return ContractBundles.contracts(BundleFileInput.read(source), label);
      } catch (BundleRefusedException e) {
        throw CommandFailure.refused(source + ": " + e.getMessage(), e);
      }
    }
    if (contractVersion != null) {
      throw CommandFailure.usage(
          "--contract-version names the ledger version of a bundle file, and "
              + source
              + " is a project folder; give the bundle the ledger holds (benctl build writes it to"
              + " target/)");
    }
    return ProjectInput.loadReporting(source, err).compile("dev").orElseThrow();
  }

  /** The named pipeline, or the only one; refuses with the choices otherwise. */
  public static Pipeline pipeline(ContractSet contracts, String name) {
    List<String> names = contracts.pipelines().stream().map(Pipeline::name).toList();
    if (name != null) {
      return contracts
          .pipeline(name)
          .orElseThrow(
              () ->
                  CommandFailure.usage(
                      "no pipeline '" + name + "'; the contracts declare " + names));
    }
    if (names.size() != 1) {
      throw CommandFailure.usage(
          names.isEmpty()
              ? "the contracts declare no pipeline to test; add one"
              : "the contracts declare "
                  + names.size()
                  + " pipelines "
                  + names
                  + "; choose one with --pipeline");
    }
    return contracts.pipelines().get(0);
  }

  /** The named schema of the pipeline, or its only one; refuses with the choices otherwise. */
  public static String schema(Pipeline pipeline, String name) {
    if (name != null) {
      if (!pipeline.schemas().contains(name)) {
        throw CommandFailure.usage(
            "pipeline '"
                + pipeline.name()
                + "' has no schema '"
                + name
                + "'; it has "
                + pipeline.schemas());
      }
      return name;
    }
    if (pipeline.schemas().size() != 1) {
      throw CommandFailure.usage(
          "pipeline '"
              + pipeline.name()
              + "' takes "
              + pipeline.schemas().size()
              + " schemas "
              + pipeline.schemas()
              + "; say which one the events are with --schema");
    }
    return pipeline.schemas().get(0);
  }
}
