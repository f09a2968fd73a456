package dev.ben.streams.blob;

/** A blob operation that failed or was refused, with the reason. */
public final class BlobException extends RuntimeException {

  public BlobException(String message) {
    super(message);
  }

  public BlobException(String message, Throwable cause) {
    super(message, cause);
  }
}
