package dev.ben.contracts.check;

import dev.ben.contracts.diag.Suggestions;
import dev.ben.contracts.lang.Ast;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a playbook on a schema can refer to: rules of the schema's policies (true when fired), threshold facts
 * (their level names), detector features (`detector.feature`, numbers) and the schema's fields.
 */
final class ConditionScope {

  /** A detector's schema and feature names. */
  record DetectorInfo(String schema, Set<String> features) {}

  private static final Set<String> ORDERING = Set.of("<", "<=", ">", ">=");

  private final CheckContext c;
  private final SchemaView schema;
  private final Map<String, DetectorInfo> detectors;
  private final Set<String> rules = new TreeSet<>();
  private final Map<String, Set<String>> facts = new HashMap<>();

  ConditionScope(CheckContext c, SchemaView schema, Map<String, DetectorInfo> detectors) {
    this.c = c;
    this.schema = schema;
    this.detectors = detectors;
    for (PolicyView policy : c.policiesOn(schema.name())) {
      rules.addAll(policy.rules());
      facts.putAll(policy.facts());
    }
  }

  void check(Ast.Condition condition) {
    if (condition instanceof Ast.And and) {
      check(and.left());
      check(and.right());
    } else if (condition instanceof Ast.Or or) {
      check(or.left());
      check(or.right());
    } else if (condition instanceof Ast.Not not) {
      check(not.inner());
    } else if (condition instanceof Ast.Truth truth) {
      operandType(truth.operand()).filter(t -> !t.equals("bool")).ifPresent(t -> c.error(span(truth.operand()),
          "`" + span(truth.operand()).text() + "` is " + t + ", not a condition",
          "compare it, e.g. `" + span(truth.operand()).text() + " > 20`, or name a rule"));
    } else if (condition instanceof Ast.Comparison comparison) {
      comparison(comparison);
    }
  }

  private void comparison(Ast.Comparison cmp) {
    Optional<String> left = operandType(cmp.left());
    Optional<String> right = operandType(cmp.right());
    if (left.isEmpty() || right.isEmpty()) {
      return;
    }
    if (ORDERING.contains(cmp.op().text()) && (!numeric(left.get()) || !numeric(right.get()))) {
      c.error(cmp.op().span(), "`" + cmp.op().text() + "` compares numbers, not " + left.get() + " and "
          + right.get(), null);
    }
    if (cmp.left() instanceof Ast.Ref ref && ref.member().isEmpty() && facts.containsKey(ref.first().text())
        && cmp.right() instanceof Ast.Lit lit && lit.literal().kind() == Ast.Literal.Kind.STRING
        && !facts.get(ref.first().text()).contains(lit.literal().text())) {
      c.error(lit.literal().span(), "fact `" + ref.first().text() + "` has no level \"" + lit.literal().text() + "\"",
          "its levels are " + String.join(", ", facts.get(ref.first().text())));
    }
  }

  /** number, decimal, text, bool, a field type keyword, or empty when unresolved (already reported). */
  Optional<String> operandType(Ast.Operand operand) {
    if (operand instanceof Ast.Lit lit) {
      return Optional.ofNullable(switch (lit.literal().kind()) {
        case INT -> "number";
        case FLOAT -> "decimal";
        case STRING -> "text";
        case BOOL -> "bool";
        default -> null;
      });
    }
    Ast.Ref ref = (Ast.Ref) operand;
    if (ref.member().isPresent()) {
      return detectorFeature(ref);
    }
    String name = ref.first().text();
    if (rules.contains(name)) {
      return Optional.of("bool");
    }
    if (facts.containsKey(name)) {
      return Optional.of("text");
    }
    FieldType.Resolved field = schema.types().get(name);
    if (field != null) {
      return Optional.of(field.scalar().keyword());
    }
    Set<String> known = new TreeSet<>(rules);
    known.addAll(facts.keySet());
    known.addAll(schema.types().keySet());
    c.error(ref.span(), "unknown name `" + name + "`: not a rule, fact or field of schema `" + schema.name() + "`",
        Suggestions.didYouMean(name, known));
    return Optional.empty();
  }

  private Optional<String> detectorFeature(Ast.Ref ref) {
    DetectorInfo detector = detectors.get(ref.first().text());
    if (detector == null || !detector.schema().equals(schema.name())) {
      c.error(ref.first().span(), "unknown detector `" + ref.first().text() + "` on schema `" + schema.name() + "`",
          Suggestions.didYouMean(ref.first().text(), detectors.keySet()));
      return Optional.empty();
    }
    Ast.Name feature = ref.member().get();
    if (!detector.features().contains(feature.text())) {
      c.error(feature.span(), "detector `" + ref.first().text() + "` has no feature `" + feature.text() + "`",
          Optional.ofNullable(Suggestions.didYouMean(feature.text(), detector.features()))
              .orElse("its features are " + String.join(", ", detector.features())));
      return Optional.empty();
    }
    return Optional.of("number");
  }

  private static boolean numeric(String type) {
    return type.equals("number") || type.equals("decimal")
        || FieldType.parse(type).map(FieldType::numeric).orElse(false);
  }

  private static dev.ben.contracts.diag.Span span(Ast.Operand operand) {
    return operand instanceof Ast.Ref ref ? ref.span() : ((Ast.Lit) operand).literal().span();
  }
}
