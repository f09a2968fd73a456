package dev.ben.contracts.check;

import dev.ben.contracts.diag.SourceFile;
import java.util.Optional;

/**
 * Read access to the project's auxiliary files (list files), addressed by normalised
 * project-relative path.
 */
@FunctionalInterface
public interface Resources {

  /** The file, or empty when it does not exist or lies outside the project. */
  Optional<SourceFile> read(String projectPath);

  /** No auxiliary files at all (sources checked in isolation). */
  static Resources none() {
    return path -> Optional.empty();
  }
}
