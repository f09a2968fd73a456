package dev.ben.contracts.bundle;

import java.nio.file.Path;

/** A key file that cannot be written or used, with the file and what to do about it. */
public final class KeyFileException extends Exception {

  private final transient Path file;

  public KeyFileException(Path file, String message) {
    super(file + ": " + message);
    this.file = file;
  }

  public KeyFileException(Path file, String message, Throwable cause) {
    super(file + ": " + message, cause);
    this.file = file;
  }

  /** The file the problem is about. */
  public Path file() {
    return file;
  }
}
