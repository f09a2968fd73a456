package dev.ben.benctl.init;

import dev.ben.benctl.command.CommandFailure;
import dev.ben.benctl.command.ExitCode;
import dev.ben.benctl.command.Subcommand;
import dev.ben.benctl.out.Table;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code benctl init [DIR]}: creates a Ben project that checks, builds and tests as it is. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Create a working Ben project: ben.project, a signing key pair in keys/, a starter contract, "
          + "sample events in events/, a README and a .gitignore that keeps the private key out of git.",
      "DIR (created when missing) must be empty; --force writes into a folder that is not, replacing the "
          + "starter files but keeping an existing key pair."
    })
public final class InitCommand extends Subcommand {

  @Parameters(
      index = "0",
      arity = "0..1",
      defaultValue = ".",
      paramLabel = "DIR",
      description = "The folder to create the project in; default: the current folder.")
  private Path dir;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description =
          "Project name (lower-case letters, digits, _ and -); default: the folder name made valid.")
  private String name;

  @Option(names = "--force", description = "Write into a folder that is not empty.")
  private boolean force;

  @Override
  protected int run() {
    String project = projectName();
    var files = new ProjectFiles(dir, project);
    files.checkTarget(force);
    var written = files.write();
    out().println("created Ben project '" + project + "' in " + dir);
    var table = Table.withHeaders("FILE", "WHAT");
    written.forEach(file -> table.row(file.path(), file.note()));
    out().print(table.render());
    out().println();
    String arg = argument(dir);
    out()
        .println(
            "next: benctl check"
                + arg
                + ", then benctl build"
                + arg
                + " and benctl test"
                + arg
                + " (see README.md)");
    return ExitCode.OK;
  }

  /** The folder as a shell argument with its leading space; none for the current folder. */
  static String argument(Path dir) {
    String text = dir.toString();
    if (text.isEmpty() || dir.normalize().toString().isEmpty()) {
      return "";
    }
    // Quoted unless plainly safe, so the suggested commands can be pasted as they are.
    return text.matches("[A-Za-z0-9_./@%+=:,-]+")
        ? " " + text
        : " '" + text.replace("'", "'\\''") + "'";
  }

  private String projectName() {
    if (name == null) {
      Path folder = dir.toAbsolutePath().normalize().getFileName();
      return ProjectName.derive(folder == null ? null : folder.toString());
    }
    if (!ProjectName.isValid(name)) {
      throw CommandFailure.usage(
          "'"
              + name
              + "' is not a usable project name: start with a lower-case letter and"
              + " use only a-z, 0-9, _ and - (at most "
              + ProjectName.MAX_LENGTH
              + "), e.g. '"
              + ProjectName.derive(name)
              + "'");
    }
    return name;
  }
}
