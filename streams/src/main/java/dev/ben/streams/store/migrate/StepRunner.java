package dev.ben.streams.store.migrate;

import dev.ben.streams.store.AnalyticalStore;
import dev.ben.streams.store.StoreException;

/**
 * Runs one migration step and names its outcome as the record stores it: {@code applied}, or {@code
 * failed: } and the store's reason. An ADD COLUMN whose column is already there counts as applied:
 * it happens when a step ran but its record was lost, or when another node sharing the store ran it
 * first (18.16 has no ADD COLUMN IF NOT EXISTS).
 */
final class StepRunner {

  static final String FAILED = "failed: ";

  private StepRunner() {}

  static String run(AnalyticalStore store, String statement) {
    try {
      store.execute(statement);
      return MigrationLog.APPLIED;
    } catch (StoreException e) {
      String reason = e.getMessage() == null ? e.toString() : e.getMessage();
      if (TableShape.addedColumn(statement).isPresent() && reason.contains("already exists")) {
        return MigrationLog.APPLIED + ": the column was already there";
      }
      return FAILED + reason;
    }
  }
}
