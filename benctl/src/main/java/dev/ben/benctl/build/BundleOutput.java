package dev.ben.benctl.build;

import dev.ben.benctl.command.CommandFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a bundle into the project's {@code target/} folder, atomically so a reader never sees half
 * a file.
 */
public final class BundleOutput {

  static final String FOLDER = "target";
  static final String SUFFIX = ".bundle";

  private BundleOutput() {}

  /**
   * The one bundle {@code benctl build} left in the project's {@code target/}; refuses none or
   * several.
   */
  public static Path builtIn(Path projectDir) {
    Path folder = projectDir.resolve(FOLDER);
    List<Path> bundles = List.of();
    if (Files.isDirectory(folder)) {
      try (Stream<Path> listing = Files.list(folder)) {
        bundles =
            listing.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
      } catch (IOException e) {
        throw CommandFailure.refused("cannot list " + folder + ": " + e.getMessage(), e);
      }
    }
    if (bundles.isEmpty()) {
      throw CommandFailure.refused(
          "no built bundle in " + folder + "; run `benctl build " + projectDir + "` first");
    }
    if (bundles.size() > 1) {
      throw CommandFailure.refused(
          folder + " holds several bundles " + bundles + "; pass the one to stage");
    }
    return bundles.get(0);
  }

  static Path write(Path projectDir, String projectName, byte[] bytes) {
    Path folder = projectDir.resolve(FOLDER);
    Path file = folder.resolve(projectName + SUFFIX);
    try {
      Files.createDirectories(folder);
      Path partial = Files.createTempFile(folder, projectName, ".partial");
      try {
        Files.write(partial, bytes);
        Files.move(
            partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (IOException e) {
      throw CommandFailure.refused("cannot write the bundle to " + file + ": " + e.getMessage(), e);
    }
    return file;
  }
}
