package dev.ben.contracts.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * When a playbook fires: a tree over rules fired, predicate bits, facts, detector values and event
 * fields of the current (evaluated, redacted) event. A missing value makes its leaf false.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = PlaybookCondition.RuleFired.class, name = "rule_fired"),
  @JsonSubTypes.Type(value = PlaybookCondition.BitSet.class, name = "bit_set"),
  @JsonSubTypes.Type(value = PlaybookCondition.FactCompare.class, name = "fact"),
  @JsonSubTypes.Type(value = PlaybookCondition.DetectorCompare.class, name = "detector"),
  @JsonSubTypes.Type(value = PlaybookCondition.FieldCompare.class, name = "field"),
  @JsonSubTypes.Type(value = PlaybookCondition.All.class, name = "all"),
  @JsonSubTypes.Type(value = PlaybookCondition.Any.class, name = "any"),
  @JsonSubTypes.Type(value = PlaybookCondition.Not.class, name = "not")
})
public sealed interface PlaybookCondition {

  @JsonPropertyOrder({"rule"})
  record RuleFired(String rule) implements PlaybookCondition {
    public RuleFired {
      Checks.name(rule, "rule name");
    }
  }

  /** A predicate or threshold-level bit (by its bit name) is set. */
  @JsonPropertyOrder({"bit"})
  record BitSet(String bit) implements PlaybookCondition {
    public BitSet {
      Checks.name(bit, "bit name");
    }
  }

  /**
   * Compares a fact's level with a named level of its threshold, in level order ({@code
   * attempts_level >= HOT}).
   */
  @JsonPropertyOrder({"fact", "op", "level"})
  record FactCompare(String fact, CompareOp op, String level) implements PlaybookCondition {
    public FactCompare {
      Checks.name(fact, "fact name");
      Checks.present(op, "operator on fact '" + fact + "'");
      Checks.name(level, "level compared with fact '" + fact + "'");
    }
  }

  @JsonPropertyOrder({"detector", "feature", "op", "value"})
  record DetectorCompare(String detector, String feature, CompareOp op, double value)
      implements PlaybookCondition {
    public DetectorCompare {
      Checks.name(detector, "detector name");
      Checks.name(feature, "feature of detector '" + detector + "'");
      Checks.present(op, "operator on '" + detector + "." + feature + "'");
    }
  }

  @JsonPropertyOrder({"field", "op", "value"})
  record FieldCompare(String field, CompareOp op, Literal value) implements PlaybookCondition {
    public FieldCompare {
      Checks.name(field, "field name");
      Checks.present(op, "operator on field '" + field + "'");
      Checks.present(value, "value compared with field '" + field + "'");
    }
  }

  @JsonPropertyOrder({"conditions"})
  record All(List<PlaybookCondition> conditions) implements PlaybookCondition {
    public All {
      conditions = Checks.list(conditions);
    }
  }

  @JsonPropertyOrder({"conditions"})
  record Any(List<PlaybookCondition> conditions) implements PlaybookCondition {
    public Any {
      conditions = Checks.list(conditions);
    }
  }

  @JsonPropertyOrder({"condition"})
  record Not(PlaybookCondition condition) implements PlaybookCondition {
    public Not {
      Checks.present(condition, "negated condition");
    }
  }
}
