package dev.ben.benctl.bundle;

import dev.ben.benctl.ExitCode;
import dev.ben.benctl.Subcommand;
import dev.ben.benctl.out.Json;
import dev.ben.benctl.out.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/** {@code benctl inspect BUNDLE}: shows what a bundle holds without deciding whether to trust it. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = {"Show a bundle's manifest and artifacts (kinds, names, fingerprints).",
        "Integrity is checked (a tampered bundle is refused); the signature is not: use 'benctl verify'."})
public final class InspectCommand extends Subcommand {

  @Parameters(paramLabel = "BUNDLE", description = "The bundle file.")
  private Path bundleFile;

  @Mixin
  private OutputOptions output;

  @Override
  protected int run() {
    var bundle = BundleFileInput.read(bundleFile);
    if (output.json()) {
      out().print(Json.render(BundleView.json(bundle)));
    } else {
      out().print(BundleView.text(bundle));
      out().println();
      out().println("The signature was not checked; run 'benctl verify " + bundleFile
          + " --trust KEY.pub' before relying on it.");
    }
    return ExitCode.OK;
  }
}
