package dev.ben.contracts.project;

/**
 * A project that cannot be loaded at all (unreadable folder or file); the message says what to fix.
 */
public final class ProjectException extends RuntimeException {

  public ProjectException(String message) {
    super(message);
  }
}
