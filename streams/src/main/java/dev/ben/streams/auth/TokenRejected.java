package dev.ben.streams.auth;

import java.time.Instant;
import java.util.Optional;

/** Why a presented token is not accepted; each reason is counted and explained on its own. */
public final class TokenRejected extends Exception {

  private static final long serialVersionUID = 1L;

  /** The ways a token fails, in the order they are checked. */
  public enum Reason {
    MISSING,
    MALFORMED,
    BAD_SIGNATURE,
    EXPIRED,
    UNKNOWN_ROLE
  }

  private final Reason reason;
  private final transient Instant expiredAt;

  TokenRejected(Reason reason, String message) {
    this(reason, message, null);
  }

  TokenRejected(Reason reason, String message, Instant expiredAt) {
    super(message);
    this.reason = reason;
    this.expiredAt = expiredAt;
  }

  public Reason reason() {
    return reason;
  }

  /** When an expired token stopped being accepted. */
  public Optional<Instant> expiredAt() {
    return Optional.ofNullable(expiredAt);
  }
}
