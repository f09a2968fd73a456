package dev.ben.streams.ledger;

/**
 * What a header watch delivers: first a {@code PUT} for every current header, then one {@code
 * SYNCED} marking the end of the current state (so the orchestrator knows which running pipelines
 * no longer have a header), then a {@code PUT} or {@code DEL} for each change as it happens. {@code
 * header} is null except for {@code PUT}; {@code pipeline} is null for {@code SYNCED}.
 */
public record HeaderChange(Op op, String pipeline, PipelineHeader header) {

  /** What happened. */
  public enum Op {
    PUT,
    DEL,
    SYNCED
  }

  static HeaderChange put(PipelineHeader header) {
    return new HeaderChange(Op.PUT, header.id(), header);
  }

  static HeaderChange deleted(String pipeline) {
    return new HeaderChange(Op.DEL, pipeline, null);
  }

  static HeaderChange synced() {
    return new HeaderChange(Op.SYNCED, null, null);
  }
}
