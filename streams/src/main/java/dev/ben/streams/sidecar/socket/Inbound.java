package dev.ben.streams.sidecar.socket;

import java.util.Optional;
import org.apache.pekko.util.ByteString;

/** What a client's frame means once read: one of the messages a client may send, or a refusal. */
public sealed interface Inbound {

  /**
   * Opens the session: the app's key (which decides the app whose signals it receives), the app's
   * name if the client repeats it, and the pipeline its batches enter.
   */
  record Hello(int protocol, Optional<String> app, Optional<String> pipeline, Optional<String> key)
      implements Inbound {

    @Override
    public String toString() {
      // The key is a secret: it must not reach logs or test reports.
      return "Hello[protocol="
          + protocol
          + ", app="
          + app
          + ", pipeline="
          + pipeline
          + ", key="
          + (key.isPresent() ? "<redacted>" : "none")
          + "]";
    }
  }

  /**
   * One batch: the client's sequence number (echoed in its ACK) and NDJSON lines, one event per
   * line.
   */
  record Events(long seq, ByteString ndjson) implements Inbound {}

  /** The client took the signal delivered under this id. */
  record SignalAck(long id) implements Inbound {}

  /**
   * Keeps a quiet session (one that only listens for signals) from timing out; answered with PONG.
   */
  enum Ping implements Inbound {
    INSTANCE
  }

  /** The client is done; the server answers BYE and closes. */
  enum Bye implements Inbound {
    INSTANCE
  }

  record Refused(Refusal refusal) implements Inbound {}
}
