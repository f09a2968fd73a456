package dev.ben.streams.eventlog.query;

import java.util.Set;

/**
 * A search of the log: events of the types (all when empty) about the pipeline (any when null),
 * created at or after {@code sinceMillis} (epoch ms; 0 for any time), from a position on, at most
 * {@code limit} of them.
 */
public record EventQuery(
    Set<String> types, String pipeline, long sinceMillis, long fromPosition, int limit) {

  public EventQuery {
    types = Set.copyOf(types);
    pipeline = pipeline == null || pipeline.isBlank() ? null : pipeline;
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive, got " + limit);
    }
  }
}
