package dev.ben.benctl.bundle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.benctl.command.ExitCode;
import dev.ben.benctl.command.Subcommand;
import dev.ben.benctl.out.Json;
import dev.ben.benctl.out.OutputOptions;
import dev.ben.benctl.out.Table;
import dev.ben.benctl.project.ProjectInput;
import dev.ben.benctl.view.ContractSetView;
import dev.ben.benctl.view.Section;
import dev.ben.contracts.bundle.Bundle;
import dev.ben.contracts.bundle.BundleRefusedException;
import dev.ben.contracts.bundle.ContractBundles;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.project.LoadedProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code benctl inspect DIR|BUNDLE}: shows what a project compiles to, or what a bundle holds,
 * without trusting it.
 */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {
      "Show compiled contracts: schemas and their ClickHouse DDL, each policy's bit layout, rules and "
          + "redactions, detectors, signals and playbooks, pipelines.",
      "A folder is loaded and compiled in memory as 'benctl check' does (a project with errors is refused). A "
          + "bundle file also shows its manifest and artifacts; its integrity is checked (a tampered bundle is "
          + "refused) but its signature is not: use 'benctl verify'."
    })
public final class InspectCommand extends Subcommand {

  /** The version label a project is compiled under when it is only being looked at. */
  static final String PROJECT_VERSION = "dev";

  @Parameters(
      index = "0",
      arity = "0..1",
      defaultValue = ".",
      paramLabel = "DIR|BUNDLE",
      description = "A project folder or a bundle file; default: the current folder.")
  private Path source;

  @Option(
      names = "--section",
      split = ",",
      paramLabel = "SECTION",
      description =
          "What to show: ${COMPLETION-CANDIDATES} (default: all); repeat or separate with commas.")
  private List<Section> sections = new ArrayList<>();

  @Mixin private OutputOptions output;

  @Override
  protected int run() {
    List<Section> shown = Section.expand(sections);
    if (Files.isDirectory(source)) {
      project(shown);
    } else {
      bundle(shown);
    }
    return ExitCode.OK;
  }

  private void project(List<Section> shown) {
    LoadedProject project = ProjectInput.loadReporting(source, err());
    ContractSet contracts = project.compile(PROJECT_VERSION).orElseThrow();
    if (output.json()) {
      ObjectNode json =
          Json.object()
              .put("source", "project")
              .put("path", source.toString())
              .put("project", contracts.project())
              .put("version", contracts.version());
      out().print(Json.render(ContractSetView.json(contracts, shown, json)));
      return;
    }
    if (Section.isEverything(shown)) {
      out()
          .print(
              Table.fields()
                  .row("project", contracts.project())
                  .row("folder", source)
                  .row("checked", ProjectInput.summary(project))
                  .row(
                      "compiled as",
                      "version " + contracts.version() + " (in memory; nothing was written)")
                  .render());
      out().println();
    }
    out().print(ContractSetView.text(contracts, shown));
  }

  private void bundle(List<Section> shown) {
    var bundle = BundleFileInput.read(source);
    ContractSet contracts = readableContracts(bundle);
    if (output.json()) {
      ObjectNode json = BundleView.json(bundle).put("source", "bundle");
      out().print(Json.render(ContractSetView.json(contracts, shown, json)));
      return;
    }
    boolean everything = Section.isEverything(shown);
    if (everything) {
      out().print(BundleView.text(bundle));
      out().println();
    }
    out().print(ContractSetView.text(contracts, shown));
    if (everything) {
      out().println();
      out()
          .println(
              "The signature was not checked; run 'benctl verify "
                  + source
                  + " --trust KEY.pub' before relying on it.");
    }
  }

  /**
   * The bundle's contracts, or none (with a note saying why) when this benctl cannot read them as
   * contracts.
   */
  private ContractSet readableContracts(Bundle bundle) {
    try {
      return ContractBundles.contracts(bundle, "");
    } catch (BundleRefusedException e) {
      err()
          .println(
              "benctl: note: the artifacts are listed but not shown as contracts: "
                  + e.getMessage());
      return new ContractSet(
          bundle.manifest().project(),
          "",
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of());
    }
  }
}
