package dev.ben.streams.ledger;

import java.util.Objects;

/**
 * One appended state transition of a version. The store keeps every one, in order, so the history
 * of a version (and which version was active before the current one, for rollback) is never lost.
 */
public record StateChange(String pipeline, long version, VersionState state, long atMillis) {

  public StateChange {
    LedgerNames.pipeline(pipeline, "pipeline");
    if (version < 1) {
      throw new IllegalArgumentException("version numbers start at 1, got " + version);
    }
    Objects.requireNonNull(state, "state");
    LedgerNames.notNegative(atMillis, "atMillis");
  }
}
