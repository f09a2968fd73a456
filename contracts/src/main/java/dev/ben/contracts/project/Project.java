package dev.ben.contracts.project;

import dev.ben.contracts.lang.Ast;
import java.nio.file.Path;
import java.util.List;

/** A loaded project: its folder, settings and parsed files in path order. */
public record Project(Path root, ProjectSettings settings, List<Ast.Unit> units) {

  public Project {
    units = List.copyOf(units);
  }
}
