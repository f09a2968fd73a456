package dev.ben.actors.ledger;

/**
 * The ledger said no, for a reason a person can act on. The kind decides how the control API
 * reports it (and so benctl's exit code); the message is shown as is.
 */
public final class LedgerRefusal extends RuntimeException {

  /** Why, in the terms of the control API. */
  public enum Kind {
    /** The request or the bundle is malformed or does not validate. */
    INVALID,
    /** The bundle's signature is invalid or its key is not trusted. */
    UNTRUSTED,
    /** No such pipeline or version. */
    NOT_FOUND,
    /**
     * The request does not fit the pipeline's state (already active, nothing to roll back, busy).
     */
    CONFLICT
  }

  private final Kind kind;

  public LedgerRefusal(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
