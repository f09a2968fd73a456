package dev.ben.streams.ledger;

/**
 * A ledger write refused because it would break the ledger's rules (an oversized bundle, a
 * different body under an existing bundle id, a state move the lifecycle does not allow, an unknown
 * version). The message says what to do; nothing was written. Storage failures are other
 * exceptions.
 */
public final class LedgerRefusedException extends RuntimeException {

  public LedgerRefusedException(String message) {
    super(message);
  }
}
