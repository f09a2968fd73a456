package dev.ben.benctl.fmt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Replaces a source file's text atomically: the new text is written beside it and moved over it, so
 * an interrupted fmt leaves either the old file or the new one, never half of a contract.
 */
final class InPlaceWriter {

  private InPlaceWriter() {}

  static void replace(Path file, String text) throws IOException {
    // Write through a symbolic link to the file it names, instead of replacing the link with a
    // copy.
    Path target = file.toRealPath();
    Path folder = target.getParent();
    Path partial = Files.createTempFile(folder, "." + target.getFileName(), ".fmt");
    try {
      Files.writeString(partial, text, StandardCharsets.UTF_8);
      if (Files.getFileStore(target).supportsFileAttributeView("posix")) {
        // Temporary files are owner-only; the formatted file keeps the permissions the original
        // had.
        Files.setPosixFilePermissions(partial, Files.getPosixFilePermissions(target));
      }
      Files.move(
          partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
  }
}
