package dev.ben.bench.engine;

import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.project.LoadedProject;
import dev.ben.contracts.project.ProjectLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code examples/auth} project, compiled. Found from the working directory or any directory
 * above it (JMH runs from wherever the jar was started), or at {@code -Dben.bench.project=DIR}.
 */
public final class AuthExample {

  /** The pipeline and schema of examples/auth. */
  public static final String PIPELINE = "auth";

  public static final String SCHEMA = "login";

  private AuthExample() {}

  public static ContractSet compile() {
    Path dir = locate();
    LoadedProject project = ProjectLoader.load(dir);
    return project
        .compile("bench")
        .orElseThrow(
            () -> new IllegalStateException(dir + " does not compile: " + project.diagnostics()));
  }

  private static Path locate() {
    String configured = System.getProperty("ben.bench.project");
    if (configured != null) {
      return Path.of(configured);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("examples/auth");
      if (Files.isRegularFile(candidate.resolve("ben.project"))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "examples/auth not found above "
            + Path.of("").toAbsolutePath()
            + "; pass -Dben.bench.project=DIR");
  }
}
