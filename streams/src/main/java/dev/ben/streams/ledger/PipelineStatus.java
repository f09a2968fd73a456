package dev.ben.streams.ledger;

/**
 * A pipeline's declared status. The orchestrator ensures the header's version runs when {@code
 * PUBLISHED}, stops it when {@code PAUSED} (keeping its state), and tears it down for {@code DRAFT}
 * and {@code ARCHIVED}.
 */
public enum PipelineStatus {
  DRAFT,
  PUBLISHED,
  PAUSED,
  ARCHIVED
}
