package dev.ben.streams.store.migrate;

/**
 * What became of one schema version's migration.
 *
 * @param schema the schema (or fixed table) migrated
 * @param version its version
 * @param status how far it got
 * @param steps how many steps the migration has in all
 * @param applied steps applied by this call
 * @param alreadyApplied steps found in the record, applied earlier (by this node or another)
 * @param failedStep the step that failed (1-based), 0 unless {@link Status#FAILED}
 * @param reason the store's reason for a failure, or why the change was refused; empty otherwise
 */
public record MigrationReport(
    String schema,
    long version,
    Status status,
    int steps,
    int applied,
    int alreadyApplied,
    int failedStep,
    String reason) {

  /** The outcome of a migration. */
  public enum Status {
    /** Every step is applied now, some or all of them by this call. */
    APPLIED,
    /** Every step was already in the record; nothing was run. */
    ALREADY_APPLIED,
    /**
     * A step failed: those before it are applied and recorded, the rest are not; a later call
     * resumes there.
     */
    FAILED,
    /** The version declares a change the table cannot take; nothing was run. */
    REFUSED
  }

  public boolean complete() {
    return status == Status.APPLIED || status == Status.ALREADY_APPLIED;
  }

  /** One line for logs and exceptions: {@code login v2: failed at step 2 of 4: <reason>}. */
  public String summary() {
    String name = schema + " v" + version + ": ";
    return switch (status) {
      case APPLIED ->
          name
              + "applied "
              + applied
              + " of "
              + steps
              + " steps"
              + (alreadyApplied > 0 ? " (" + alreadyApplied + " applied earlier)" : "");
      case ALREADY_APPLIED -> name + "already applied (" + steps + " steps)";
      case FAILED ->
          name
              + "failed at step "
              + failedStep
              + " of "
              + steps
              + " ("
              + (failedStep - 1)
              + " applied): "
              + reason;
      case REFUSED -> name + "refused: " + reason;
    };
  }
}
