package dev.ben.streams.nats;

/**
 * A NATS operation that failed, naming the server, the stream or bucket, and what the server said.
 */
public final class NatsException extends RuntimeException {

  public NatsException(String message, Throwable cause) {
    super(message, cause);
  }
}
