package dev.ben.benctl.bundle;

import dev.ben.benctl.command.CommandFailure;
import dev.ben.contracts.bundle.Bundle;
import dev.ben.contracts.bundle.BundleReader;
import dev.ben.contracts.bundle.BundleRefusedException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads bundle files for commands, turning every problem into a {@link CommandFailure} that names
 * the file.
 */
public final class BundleFileInput {

  private BundleFileInput() {}

  /** The raw bytes of a bundle file. */
  public static byte[] bytes(Path file) {
    if (Files.isDirectory(file)) {
      throw CommandFailure.refused(
          file + ": is a directory; pass the bundle file 'benctl build' wrote");
    }
    try {
      long size = Files.size(file);
      if (size > BundleReader.MAX_BUNDLE_BYTES) {
        throw CommandFailure.refused(
            file
                + ": "
                + size
                + " bytes is larger than any bundle may be ("
                + BundleReader.MAX_BUNDLE_BYTES
                + "); check the path");
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw CommandFailure.refused(
          file + ": no such file; check the path (bundles are written by" + " 'benctl build')", e);
    } catch (AccessDeniedException e) {
      throw CommandFailure.refused(file + ": permission denied", e);
    } catch (IOException e) {
      throw CommandFailure.refused(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** A bundle whose integrity has been checked (signature not checked). */
  public static Bundle read(Path file) {
    try {
      return BundleReader.read(bytes(file));
    } catch (BundleRefusedException e) {
      throw CommandFailure.refused(file + ": " + e.getMessage(), e);
    }
  }
}
