package dev.ben.contracts.screen;

import java.util.List;

/** The answer to one screening: the matching entries, or why the question was refused. */
public sealed interface ScreenResult {

  /** Every entry within the distance, nearest first, ties by entry. */
  record Matches(List<ScreenMatch> matches) implements ScreenResult {
    public Matches {
      matches = List.copyOf(matches);
    }
  }

  /** Refused, naming the request field at fault. */
  record Refused(Reason reason, String field, String message) implements ScreenResult {}

  enum Reason {
    /** A field of the question is missing or out of bounds. */
    BAD_FIELD,
    /** The contract set has no list of that name. */
    UNKNOWN_LIST
  }
}
