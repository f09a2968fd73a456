package dev.ben.streams.access;

/**
 * Store access refused a request or found its data inconsistent; the message says which artifact
 * and why.
 */
public final class StoreAccessException extends RuntimeException {

  public StoreAccessException(String message) {
    super(message);
  }
}
