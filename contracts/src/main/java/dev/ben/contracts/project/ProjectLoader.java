package dev.ben.contracts.project;

import dev.ben.contracts.check.CheckedProgram;
import dev.ben.contracts.check.Checker;
import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.diag.Severity;
import dev.ben.contracts.diag.SourceFile;
import dev.ben.contracts.diag.Span;
import dev.ben.contracts.lang.BenFile;
import dev.ben.contracts.lang.Parser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Loads, parses and checks a whole project. */
public final class ProjectLoader {

  private ProjectLoader() {}

  /**
   * A list file's text; one that cannot be read is treated as missing (and reported as such by the
   * checker).
   */
  private static Optional<SourceFile> readQuietly(SourceTree tree, String path) {
    try {
      return tree.read(path).map(text -> new SourceFile(path, text));
    } catch (ProjectException unreadable) {
      return Optional.empty();
    }
  }

  /** Loads the project in a folder. */
  public static LoadedProject load(Path folder) {
    return load(new DirectoryTree(folder));
  }

  /**
   * Loads a project from any source tree; never throws on bad sources (only on unreadable files).
   */
  public static LoadedProject load(SourceTree project) {
    RecordingTree tree = new RecordingTree(project);
    Diagnostics diagnostics = new Diagnostics();
    Optional<String> settingsText = tree.read(SettingsParser.FILE_NAME);
    ProjectSettings settings = null;
    if (settingsText.isEmpty()) {
      SourceFile missing = new SourceFile(SettingsParser.FILE_NAME, "");
      diagnostics.error(
          new Span(missing, 0, 0),
          "this folder has no ben.project, so it is not a Ben project",
          "create ben.project with `name = \"...\"` and `key = \"keys/....key\"` (or run `benctl init`)");
    } else {
      settings =
          SettingsParser.parse(
              new SourceFile(SettingsParser.FILE_NAME, settingsText.get()), diagnostics);
    }
    List<BenFile> files = new ArrayList<>();
    for (String path : tree.benFiles()) {
      try {
        files.add(Parser.parse(new SourceFile(path, tree.read(path).orElse("")), diagnostics));
      } catch (ProjectException unreadable) {
        diagnostics.error(new Span(new SourceFile(path, ""), 0, 0), unreadable.getMessage());
      }
    }
    if (files.isEmpty()) {
      SourceFile none = new SourceFile(SettingsParser.FILE_NAME, settingsText.orElse(""));
      diagnostics.error(
          new Span(none, 0, 0), "the project has no .ben files", "add contracts, e.g. `auth.ben`");
    }
    Severity pii = settings == null ? Severity.WARNING : settings.piiSeverity();
    Optional<CheckedProgram> program =
        Checker.check(files, path -> readQuietly(tree, path), pii, diagnostics);
    return new LoadedProject(
        settings,
        files,
        tree.read(),
        diagnostics,
        diagnostics.hasErrors() ? Optional.empty() : program);
  }
}
