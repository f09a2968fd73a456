package dev.ben.streams.spine;

import dev.ben.contracts.engine.playbook.PlaybookOutcome;
import dev.ben.streams.flow.Envelope;

/**
 * Where the spine hands the playbooks that fired on an event, so their signals reach the app that
 * sent it, and those its bound suppressed, so the decision is on record. Called from the spine's
 * stream, only for playbooks whose condition held (never per event): it must only enqueue, never
 * block.
 */
@FunctionalInterface
public interface PlaybookFirings {

  /** Nothing listens: for tests and pipelines whose signals go nowhere. */
  PlaybookFirings NONE = (envelope, version, outcome, subjectKey) -> {};

  /**
   * {@code subjectKey}: who the decision is about, the event's detector key as the spine handed it
   * on ({@code SubjectKey}); null when the detectors have none.
   */
  void fired(Envelope envelope, long contractVersion, PlaybookOutcome outcome, String subjectKey);

  /** A playbook whose condition held but whose bound suppressed it; nothing to do by default. */
  default void suppressed(
      Envelope envelope, long contractVersion, PlaybookOutcome outcome, String subjectKey) {}
}
