package dev.ben.streams.wal;

/**
 * The log did not take a group of events: it is full, or its write failed. None of the group is
 * held, so none of it may be acknowledged; the reason is a refusal reason the sidecar counts.
 */
public final class WalRefusedException extends RuntimeException {

  /** The log holds its bound of bytes ({@code ben.wal.max-bytes}). */
  public static final String FULL = "wal full";

  /** The write to disk failed. */
  public static final String WRITE_FAILED = "wal write failed";

  private final String reason;
  private final int events;

  public WalRefusedException(String reason, int events, Throwable cause) {
    super("the ingest log did not take " + events + " events: " + reason, cause);
    this.reason = reason;
    this.events = events;
  }

  public String reason() {
    return reason;
  }

  /** How many events the refused group held. */
  public int events() {
    return events;
  }
}
