package dev.ben.benctl.build;

import dev.ben.benctl.command.CommandFailure;
import dev.ben.benctl.command.ExitCode;
import dev.ben.benctl.command.Subcommand;
import dev.ben.benctl.out.Json;
import dev.ben.benctl.out.OutputOptions;
import dev.ben.benctl.out.Table;
import dev.ben.benctl.project.ProjectInput;
import dev.ben.contracts.bundle.Bundle;
import dev.ben.contracts.bundle.ContractBundles;
import dev.ben.contracts.bundle.SigningKey;
import dev.ben.contracts.project.LoadedProject;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code benctl build [DIR]}: compiles a project and writes its signed bundle, carrying the
 * project's source files, into {@code DIR/target/}.
 */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = {
      "Compile a Ben project and write one signed, deterministic bundle: the same sources and key "
          + "always give the same bytes.",
      "The bundle goes to DIR/target/NAME.bundle with the source files it was compiled from"
          + " (ben.project, the .ben files and the list files they name), signed with it;"
          + " the sources are never touched."
    })
public final class BuildCommand extends Subcommand {

  @Parameters(
      index = "0",
      arity = "0..1",
      defaultValue = ".",
      paramLabel = "DIR",
      description = "The project folder (holding ben.project); default: the current folder.")
  private Path dir;

  @Option(
      names = "--key",
      paramLabel = "FILE.key",
      description = "Sign with this private key instead of the one ben.project names.")
  private Path key;

  @Mixin private OutputOptions output;

  @Override
  protected int run() {
    LoadedProject project = ProjectInput.loadReporting(dir, err());
    var signer = SignerInput.resolve(dir, project.settings(), key);
    Bundle bundle = seal(project, signer.key());
    Path file = BundleOutput.write(dir, project.settings().name(), bundle.toBytes());
    if (output.json()) {
      out()
          .print(
              Json.render(
                  Json.object()
                      .put("bundle", file.toString())
                      .put("id", bundle.id().value())
                      .put("project", project.settings().name())
                      .put("key_id", bundle.signature().keyId())
                      .put("artifacts", bundle.artifacts().size())
                      .put("summary", ProjectInput.summary(project))));
    } else {
      out()
          .print(
              Table.fields()
                  .row("bundle", file)
                  .row("id", bundle.id())
                  .row("signed by", bundle.signature().keyId() + "  (" + signer.file() + ")")
                  .row("artifacts", ArtifactCounts.describe(bundle))
                  .row("checked", ProjectInput.summary(project))
                  .render());
    }
    return ExitCode.OK;
  }

  /** The compiled contracts and the files they were compiled from, signed. */
  private static Bundle seal(LoadedProject project, SigningKey key) {
    try {
      return ContractBundles.build(project.compile("").orElseThrow(), project.sources(), key);
    } catch (IllegalArgumentException uncarriable) {
      // A source file the bundle cannot carry (too large, or a path no artifact can be named by).
      throw CommandFailure.refused(uncarriable.getMessage(), uncarriable);
    }
  }
}
