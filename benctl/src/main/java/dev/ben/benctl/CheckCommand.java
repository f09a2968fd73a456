package dev.ben.benctl;

import dev.ben.benctl.command.ExitCode;
import dev.ben.benctl.command.Subcommand;
import dev.ben.benctl.project.ProjectInput;
import dev.ben.contracts.project.LoadedProject;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code benctl check [DIR]}: parses and checks a Ben project, printing every finding; exit 1 on
 * any error.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description =
        "Check the contracts of a Ben project and report every error and warning with its position.")
public final class CheckCommand extends Subcommand {

  @Parameters(
      index = "0",
      arity = "0..1",
      defaultValue = ".",
      paramLabel = "DIR",
      description = "The project folder (holding ben.project); default: the current folder.")
  private Path dir;

  @Override
  protected int run() {
    LoadedProject project = ProjectInput.loadReporting(dir, err());
    out().println(ProjectInput.summary(project));
    return ExitCode.OK;
  }
}
