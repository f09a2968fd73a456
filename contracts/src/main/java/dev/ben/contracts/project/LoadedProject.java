package dev.ben.contracts.project;

import dev.ben.contracts.check.CheckedProgram;
import dev.ben.contracts.compile.Compiler;
import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.lang.BenFile;
import dev.ben.contracts.model.ContractSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The result of loading a project: its settings (null when ben.project is broken), parsed files,
 * the text of every file the loader read ({@code ben.project}, the {@code .ben} files and the list
 * files they name) by project-relative path, every diagnostic, and the checked program when there
 * were no errors.
 */
public record LoadedProject(
    ProjectSettings settings,
    List<BenFile> files,
    Map<String, String> sources,
    Diagnostics diagnostics,
    Optional<CheckedProgram> program) {

  public LoadedProject {
    files = List.copyOf(files);
    sources = Collections.unmodifiableMap(new TreeMap<>(sources));
  }

  public boolean ok() {
    return program.isPresent();
  }

  /** The compiled artifacts for a version label, when the project checked without errors. */
  public Optional<ContractSet> compile(String version) {
    return program.map(checked -> Compiler.compile(checked, settings.name(), version));
  }
}
