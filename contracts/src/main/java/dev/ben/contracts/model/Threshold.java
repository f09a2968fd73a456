package dev.ben.contracts.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Levels over one numeric field. Every passing level sets its bit; the fact holds the name of the
 * highest passing level (the last one in declaration order), or is absent when none passes. Levels
 * must be ordered in the direction of the operator: ascending for {@code gt/gte}, descending for
 * {@code lt/lte}.
 */
@JsonPropertyOrder({"name", "field", "op", "levels", "fact"})
public record Threshold(
    String name, String field, CompareOp op, List<ThresholdLevel> levels, String fact) {

  public Threshold {
    Checks.name(name, "threshold name");
    Checks.name(field, "field of threshold '" + name + "'");
    Checks.present(op, "operator of threshold '" + name + "'");
    Checks.name(fact, "fact of threshold '" + name + "'");
    levels = Checks.list(levels);
    if (!op.isOrdering()) {
      throw new IllegalArgumentException(
          "threshold '" + name + "' needs gt, gte, lt or lte, got " + op);
    }
    if (levels.isEmpty()) {
      throw new IllegalArgumentException("threshold '" + name + "' needs at least one level");
    }
    boolean ascending = op == CompareOp.GT || op == CompareOp.GE;
    for (int i = 1; i < levels.size(); i++) {
      double previous = Literal.numeric(levels.get(i - 1).value());
      double current = Literal.numeric(levels.get(i).value());
      if (ascending ? current <= previous : current >= previous) {
        throw new IllegalArgumentException(
            "threshold '"
                + name
                + "': level '"
                + levels.get(i).name()
                + "' must be "
                + (ascending ? "above" : "below")
                + " '"
                + levels.get(i - 1).name()
                + "'");
      }
    }
  }

  public static String bitName(String threshold, String level) {
    return threshold + "." + level;
  }
}
