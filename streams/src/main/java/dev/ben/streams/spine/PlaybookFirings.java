package dev.ben.streams.spine;

import dev.ben.contracts.engine.playbook.PlaybookOutcome;
import dev.ben.streams.flow.Envelope;

/**
 * Where the spine hands the playbooks that fired on an event, so their signals reach the app that
 * sent it. Called from the spine's stream: it must only enqueue, never block.
 */
@FunctionalInterface
public interface PlaybookFirings {

  /** Nothing listens: for tests and pipelines whose signals go nowhere. */
  PlaybookFirings NONE = (envelope, version, outcome) -> {};

  void fired(Envelope envelope, long contractVersion, PlaybookOutcome outcome);
}
