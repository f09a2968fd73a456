package dev.ben.contracts.check;

import dev.ben.contracts.diag.Diagnostic;
import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.diag.SourceFile;
import dev.ben.contracts.lang.Parser;
import dev.ben.contracts.project.Project;
import dev.ben.contracts.project.ProjectSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Test support: checks one in-memory file named main.ben as a project and returns its diagnostics. */
final class Compile {

  private Compile() {}

  static List<Diagnostic> diagnostics(String source) {
    Diagnostics d = new Diagnostics();
    Project project = new Project(Path.of("/nonexistent-project"), new ProjectSettings("test", Optional.empty(), false),
        List.of(Parser.parse(new SourceFile("main.ben", source), d)));
    Checker.check(project, d);
    return d.sorted();
  }

  static List<String> headlines(String source) {
    return diagnostics(source).stream().map(Diagnostic::headline).toList();
  }
}
