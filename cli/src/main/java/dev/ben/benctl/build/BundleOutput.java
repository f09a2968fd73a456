package dev.ben.benctl.build;

import dev.ben.benctl.CommandFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a bundle into the project's {@code target/} folder, atomically so a reader never sees half a file. */
final class BundleOutput {

  static final String FOLDER = "target";
  static final String SUFFIX = ".bundle";

  private BundleOutput() {
  }

  static Path write(Path projectDir, String projectName, byte[] bytes) {
    Path folder = projectDir.resolve(FOLDER);
    Path file = folder.resolve(projectName + SUFFIX);
    try {
      Files.createDirectories(folder);
      Path partial = Files.createTempFile(folder, projectName, ".partial");
      try {
        Files.write(partial, bytes);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (IOException e) {
      throw CommandFailure.refused("cannot write the bundle to " + file + ": " + e.getMessage(), e);
    }
    return file;
  }
}
