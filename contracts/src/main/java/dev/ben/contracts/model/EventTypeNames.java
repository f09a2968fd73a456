package dev.ben.contracts.model;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How a project's event types are named in the event log: {@code <pipeline>.<name>}, so two
 * projects (or two pipelines of one) never declare the same type, and no project takes a name under
 * the first word of one of Ben's built-in types.
 */
public final class EventTypeNames {

  /**
   * The first words of Ben's built-in event types (the event log holds the types themselves); a
   * pipeline of one of these names could declare a type that looks like Ben's own.
   */
  public static final List<String> RESERVED_PREFIXES =
      List.of(
          "ledger", "playbook", "signal", "backtest", "scrub", "attestation", "case", "component");

  /**
   * One lowercase word of letters, digits and {@code _}: the event log's type rule allows no dash
   * (a type is a NATS subject token), and the dot is the separator after the pipeline.
   */
  public static final Pattern WORD = Pattern.compile("[a-z][a-z0-9_]*");

  /** The event log bounds a type name to this many characters. */
  public static final int MAX_CHARS = 100;

  private EventTypeNames() {}

  /** The name the type has in the event log when {@code pipeline} declares it. */
  public static String qualified(String pipeline, String name) {
    return pipeline + "." + name;
  }

  /** Why {@code pipeline} cannot prefix event types, or null when it can. */
  public static String pipelineProblem(String pipeline) {
    if (!WORD.matcher(pipeline).matches()) {
      return "pipeline `"
          + pipeline
          + "` cannot name event types: a type starts with its pipeline's name, which must then"
          + " be lowercase letters, digits and _";
    }
    if (RESERVED_PREFIXES.contains(pipeline)) {
      return "pipeline `"
          + pipeline
          + "` cannot name event types: `"
          + pipeline
          + ".` starts Ben's own event types";
    }
    return null;
  }
}
