package dev.ben.contracts.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The test one predicate performs. Field tests read one schema field; a missing value or a type
 * mismatch makes the test fail (no bit), never an error. Composition ({@link AllOf}, {@link AnyOf},
 * {@link Not}) refers to other predicates of the same pack by name, so each predicate is still
 * evaluated once per event.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Condition.Compare.class, name = "compare"),
  @JsonSubTypes.Type(value = Condition.Between.class, name = "between"),
  @JsonSubTypes.Type(value = Condition.InList.class, name = "in_list"),
  @JsonSubTypes.Type(value = Condition.InCidr.class, name = "in_cidr"),
  @JsonSubTypes.Type(value = Condition.StartsWith.class, name = "starts_with"),
  @JsonSubTypes.Type(value = Condition.Contains.class, name = "contains"),
  @JsonSubTypes.Type(value = Condition.Matches.class, name = "matches"),
  @JsonSubTypes.Type(value = Condition.Fuzzy.class, name = "fuzzy"),
  @JsonSubTypes.Type(value = Condition.Modulo.class, name = "modulo"),
  @JsonSubTypes.Type(value = Condition.IsNull.class, name = "is_null"),
  @JsonSubTypes.Type(value = Condition.IsNotNull.class, name = "is_not_null"),
  @JsonSubTypes.Type(value = Condition.AllOf.class, name = "all"),
  @JsonSubTypes.Type(value = Condition.AnyOf.class, name = "any"),
  @JsonSubTypes.Type(value = Condition.Not.class, name = "not")
})
public sealed interface Condition {

  /** A condition that reads one schema field. */
  sealed interface FieldTest extends Condition {
    String field();
  }

  /** A condition over the bits of other predicates. */
  sealed interface Composite extends Condition {
    List<String> predicates();
  }

  @JsonPropertyOrder({"field", "op", "value"})
  record Compare(String field, CompareOp op, Literal value) implements FieldTest {
    public Compare {
      Checks.name(field, "compared field");
      Checks.present(op, "comparison operator on '" + field + "'");
      Checks.present(value, "compared value on '" + field + "'");
    }
  }

  /** Inclusive at both ends. */
  @JsonPropertyOrder({"field", "low", "high"})
  record Between(String field, Literal low, Literal high) implements FieldTest {
    public Between {
      Checks.name(field, "between field");
      Checks.present(low, "lower bound on '" + field + "'");
      Checks.present(high, "upper bound on '" + field + "'");
    }
  }

  @JsonPropertyOrder({"field", "list"})
  record InList(String field, String list) implements FieldTest {
    public InList {
      Checks.name(field, "in-list field");
      Checks.name(list, "list name on '" + field + "'");
    }
  }

  /**
   * True when the address lies in any of the CIDR blocks (IPv4 and IPv6, e.g. {@code 10.0.0.0/8}).
   */
  @JsonPropertyOrder({"field", "cidrs"})
  record InCidr(String field, List<String> cidrs) implements FieldTest {
    public InCidr {
      Checks.name(field, "in-cidr field");
      cidrs = Checks.list(cidrs);
      if (cidrs.isEmpty()) {
        throw new IllegalArgumentException("in cidr on '" + field + "' needs at least one block");
      }
    }
  }

  @JsonPropertyOrder({"field", "prefix"})
  record StartsWith(String field, String prefix) implements FieldTest {
    public StartsWith {
      Checks.name(field, "starts_with field");
      Checks.present(prefix, "prefix on '" + field + "'");
    }
  }

  @JsonPropertyOrder({"field", "text"})
  record Contains(String field, String text) implements FieldTest {
    public Contains {
      Checks.name(field, "contains field");
      Checks.present(text, "searched text on '" + field + "'");
    }
  }

  /**
   * A Java regular expression searched (not anchored) in the value; compiled once by the engine.
   */
  @JsonPropertyOrder({"field", "regex"})
  record Matches(String field, String regex) implements FieldTest {
    public Matches {
      Checks.name(field, "matches field");
      Checks.present(regex, "regex on '" + field + "'");
      try {
        Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "regex on '"
                + field
                + "' is invalid: "
                + e.getDescription()
                + " near index "
                + e.getIndex(),
            e);
      }
    }
  }

  /** True when the value is within {@code within} edits (Levenshtein) of some entry of the list. */
  @JsonPropertyOrder({"field", "list", "within"})
  record Fuzzy(String field, String list, int within) implements FieldTest {
    public Fuzzy {
      Checks.name(field, "fuzzy field");
      Checks.name(list, "fuzzy list on '" + field + "'");
      Checks.notNegative(within, "edit distance on '" + field + "'");
    }
  }

  /** True when {@code value % divisor == remainder} for an integer field. */
  @JsonPropertyOrder({"field", "divisor", "remainder"})
  record Modulo(String field, long divisor, long remainder) implements FieldTest {
    public Modulo {
      Checks.name(field, "modulo field");
      Checks.positive(divisor, "divisor on '" + field + "'");
    }
  }

  @JsonPropertyOrder({"field"})
  record IsNull(String field) implements FieldTest {
    public IsNull {
      Checks.name(field, "null-tested field");
    }
  }

  @JsonPropertyOrder({"field"})
  record IsNotNull(String field) implements FieldTest {
    public IsNotNull {
      Checks.name(field, "null-tested field");
    }
  }

  @JsonPropertyOrder({"predicates"})
  record AllOf(List<String> predicates) implements Composite {
    public AllOf {
      predicates = Checks.list(predicates);
    }
  }

  @JsonPropertyOrder({"predicates"})
  record AnyOf(List<String> predicates) implements Composite {
    public AnyOf {
      predicates = Checks.list(predicates);
    }
  }

  @JsonPropertyOrder({"predicate"})
  record Not(String predicate) implements Composite {
    public Not {
      Checks.name(predicate, "negated predicate");
    }

    @Override
    public List<String> predicates() {
      return List.of(predicate);
    }
  }
}
