package dev.ben.benctl;

import dev.ben.contracts.check.Checker;
import dev.ben.contracts.diag.Diagnostic;
import dev.ben.contracts.diag.DiagnosticRenderer;
import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.project.Project;
import dev.ben.contracts.project.ProjectLoader;
import dev.ben.contracts.project.ProjectSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `benctl check [DIR]`: parses and checks a Ben project, printing every finding; exit 1 when any is an error. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Check the contracts of a Ben project and report every error and warning with its position.")
final class CheckCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "DIR",
      description = "The project folder (holding " + ProjectSettings.FILE_NAME + "); default: the current folder.")
  Path dir;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Diagnostics diagnostics = new Diagnostics();
    Optional<Project> project = ProjectLoader.load(dir, diagnostics);
    if (project.isEmpty()) {
      err.println("benctl: " + dir + " is not a Ben project (no " + ProjectSettings.FILE_NAME + " in it); "
          + "create one with `benctl init " + dir + "`");
      return ExitCodes.REFUSED;
    }
    Checker.check(project.get(), diagnostics);
    List<Diagnostic> findings = diagnostics.sorted();
    findings.forEach(d -> err.print(DiagnosticRenderer.render(d)));
    long errors = findings.stream().filter(Diagnostic::isError).count();
    long warnings = findings.size() - errors;
    String summary = project.get().settings().name() + ": " + count(project.get().units().size(), "file") + ", "
        + count(errors, "error") + ", " + count(warnings, "warning");
    if (errors > 0) {
      err.println(summary);
      return ExitCodes.REFUSED;
    }
    out.println(summary);
    return ExitCodes.OK;
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
