package dev.ben.contracts.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One level of a threshold; it owns one bit after the predicates. Its bit name is {@code
 * <threshold>.<level>} (see {@link Threshold#bitName}).
 */
@JsonPropertyOrder({"name", "bit", "value"})
public record ThresholdLevel(String name, int bit, Literal value) {

  public ThresholdLevel {
    Checks.name(name, "threshold level name");
    Checks.notNegative(bit, "bit of level '" + name + "'");
    Checks.present(value, "value of level '" + name + "'");
    if (Literal.numeric(value) == null) {
      throw new IllegalArgumentException(
          "level '" + name + "' needs a numeric value, got " + value.text());
    }
  }
}
