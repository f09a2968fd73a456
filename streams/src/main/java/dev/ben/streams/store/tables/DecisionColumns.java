package dev.ben.streams.store.tables;

import java.util.List;
import java.util.stream.Stream;

/**
 * The columns every schema table starts with, before the schema's own fields: the event's id and
 * receipt time, then what decided it. Readers of the tables (the replica query, backtests) split a
 * row into decision and body by these names.
 */
public final class DecisionColumns {

  /** The columns that describe the decision, not the event. */
  public static final List<String> DECISION =
      List.of(
          "app",
          "contract_version",
          "bits",
          "rules",
          "action",
          "facts",
          "detector_values",
          "playbook_outcomes",
          "anomaly_score");

  /** Every column before the schema's fields, in table order. */
  public static final List<String> LEADING =
      Stream.concat(Stream.of("event_id", "ingested_at"), DECISION.stream()).toList();

  private DecisionColumns() {}
}
