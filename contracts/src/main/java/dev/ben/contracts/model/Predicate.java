package dev.ben.contracts.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A named predicate owning one bit of the policy mask; bits follow declaration order from 0. */
@JsonPropertyOrder({"name", "bit", "condition"})
public record Predicate(String name, int bit, Condition condition) {

  public Predicate {
    Checks.name(name, "predicate name");
    Checks.notNegative(bit, "bit of predicate '" + name + "'");
    Checks.present(condition, "condition of predicate '" + name + "'");
  }
}
