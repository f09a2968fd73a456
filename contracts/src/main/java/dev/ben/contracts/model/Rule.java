package dev.ben.contracts.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A rule over bit names (predicates or threshold levels): every {@code all} bit set, at least one
 * {@code any} bit set when the list is not empty, and no {@code none} bit set. Higher priority
 * wins; equal priorities keep declaration order.
 */
@JsonPropertyOrder({"name", "all", "any", "none", "priority", "action"})
public record Rule(
    String name,
    List<String> all,
    List<String> any,
    List<String> none,
    int priority,
    Action action) {

  public Rule {
    Checks.name(name, "rule name");
    all = Checks.list(all);
    any = Checks.list(any);
    none = Checks.list(none);
    Checks.present(action, "action of rule '" + name + "'");
    if (all.isEmpty() && any.isEmpty() && none.isEmpty()) {
      throw new IllegalArgumentException("rule '" + name + "' needs at least one of all/any/none");
    }
  }
}
