package dev.ben.streams.store;

/** A store operation that failed, with what was attempted and what the store said. */
public final class StoreException extends RuntimeException {

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
