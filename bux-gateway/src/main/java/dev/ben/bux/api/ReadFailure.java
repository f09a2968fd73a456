package dev.ben.bux.api;

/**
 * Why a port could not answer a read, with a message a person can act on; ben_api answers it with
 * the status of its kind.
 */
public final class ReadFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public enum Kind {
    /** The request names something that does not exist (404). */
    NOT_FOUND,
    /** The request cannot be answered as asked (400). */
    BAD_REQUEST,
    /** A backend did not answer in time or failed (503). */
    UNAVAILABLE
  }

  private final Kind kind;

  public ReadFailure(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public ReadFailure(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
