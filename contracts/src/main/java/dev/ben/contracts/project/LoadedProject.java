package dev.ben.contracts.project;

import dev.ben.contracts.check.CheckedProgram;
import dev.ben.contracts.compile.Compiler;
import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.lang.BenFile;
import dev.ben.contracts.model.ContractSet;
import java.util.List;
import java.util.Optional;

/**
 * The result of loading a project: its settings (null when ben.project is broken), parsed files,
 * every diagnostic, and the checked program when there were no errors.
 */
public record LoadedProject(
    ProjectSettings settings,
    List<BenFile> files,
    Diagnostics diagnostics,
    Optional<CheckedProgram> program) {

  public LoadedProject {
    files = List.copyOf(files);
  }

  public boolean ok() {
    return program.isPresent();
  }

  /** The compiled artifacts for a version label, when the project checked without errors. */
  public Optional<ContractSet> compile(String version) {
    return program.map(checked -> Compiler.compile(checked, settings.name(), version));
  }
}
