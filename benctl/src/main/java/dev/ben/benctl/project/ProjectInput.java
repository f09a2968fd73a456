package dev.ben.benctl.project;

import dev.ben.benctl.command.CommandFailure;
import dev.ben.contracts.diag.Diagnostic;
import dev.ben.contracts.diag.DiagnosticRenderer;
import dev.ben.contracts.project.LoadedProject;
import dev.ben.contracts.project.ProjectLoader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads a project folder for any command that works on sources: every finding is printed to stderr
 * with its position, and a project with errors becomes a refusal, so commands only ever see
 * projects that compile.
 */
public final class ProjectInput {

  private ProjectInput() {}

  /**
   * The loaded project, after printing its diagnostics; refuses (exit 1) when the project has
   * errors.
   */
  public static LoadedProject loadReporting(Path dir, PrintWriter err) {
    if (!Files.isDirectory(dir)) {
      throw CommandFailure.refused(
          dir
              + " is not a folder; give the folder that holds ben.project"
              + " (create one with `benctl init "
              + dir
              + "`)");
    }
    LoadedProject project;
    try {
      project = ProjectLoader.load(dir);
    } catch (UncheckedIOException unreadable) {
      throw CommandFailure.refused(unreadable.getMessage(), unreadable);
    }
    List<Diagnostic> findings = project.diagnostics().sorted();
    findings.forEach(d -> err.println(DiagnosticRenderer.render(d)));
    if (!project.ok()) {
      throw CommandFailure.refused(summary(project));
    }
    return project;
  }

  /** {@code NAME: 2 files, 0 errors, 1 warning}. */
  public static String summary(LoadedProject project) {
    List<Diagnostic> findings = project.diagnostics().sorted();
    long errors = findings.stream().filter(Diagnostic::isError).count();
    String name = project.settings() == null ? "project" : project.settings().name();
    return name
        + ": "
        + count(project.files().size(), "file")
        + ", "
        + count(errors, "error")
        + ", "
        + count(findings.size() - errors, "warning");
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
