package dev.ben.contracts.engine.playbook;

import dev.ben.contracts.model.Playbook;

/**
 * A playbook whose condition held on an event, not yet admitted against its bound: the request the
 * bound decides on, and the outcome to record once it has. Until then it counts as suppressed, so a
 * candidate that slips through undecided never fires.
 */
public record PlaybookCandidate(Playbook playbook, BoundRequest request, PlaybookOutcome pending) {

  static final String UNDECIDED = "not admitted against the bound yet";

  /**
   * The outcome once the bound has decided: fired when admitted, else suppressed with the reason.
   */
  public PlaybookOutcome decided(String verdict) {
    return pending.withVerdict(verdict);
  }
}
