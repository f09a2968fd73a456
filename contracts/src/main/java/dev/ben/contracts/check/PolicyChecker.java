package dev.ben.contracts.check;

import dev.ben.contracts.diag.DiagnosticRenderer;
import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.lang.Ident;
import dev.ben.contracts.lang.Literal;
import dev.ben.contracts.lang.PolicyDecl;
import dev.ben.contracts.lang.PolicyDecl.Item;
import dev.ben.contracts.lang.QualifiedName;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks policies: declares their names on the schema, then checks predicates, thresholds, rules,
 * redactions.
 */
final class PolicyChecker {
  private static final List<String> ACTIONS =
      List.of("flag", "route", "sample", "drop_with_reason");

  private final CheckContext context;
  private final Diagnostics diagnostics;

  PolicyChecker(CheckContext context) {
    this.context = context;
    this.diagnostics = context.diagnostics;
  }

  /** First pass: makes the policy's names known so detectors and playbooks can refer to them. */
  void declare(PolicyDecl policy) {
    SchemaScope scope = context.scopeOf(policy.schema());
    if (scope == null) {
      return;
    }
    for (Item item : policy.items()) {
      if (item instanceof PolicyDecl.Predicate predicate) {
        scope.declare("predicate", predicate.name(), policy, item, diagnostics);
      } else if (item instanceof PolicyDecl.Threshold threshold) {
        scope.declare("threshold", threshold.name(), policy, item, diagnostics);
        scope.declare("fact", threshold.fact(), policy, item, diagnostics);
      } else if (item instanceof PolicyDecl.Rule rule) {
        scope.declare("rule", rule.name(), policy, item, diagnostics);
      } else if (item instanceof PolicyDecl.Redact redact) {
        scope.redact(policy, redact, diagnostics);
      }
    }
  }

  /** Second pass: checks every item. */
  void check(PolicyDecl policy) {
    SchemaScope scope = context.scopes.get(policy.schema().name());
    if (scope == null) {
      return;
    }
    PredicateChecker predicates = new PredicateChecker(context, scope, policy);
    for (Item item : policy.items()) {
      if (item instanceof PolicyDecl.Predicate predicate) {
        predicates.check(predicate);
      } else if (item instanceof PolicyDecl.Threshold threshold) {
        new ThresholdChecker(context, scope).check(threshold);
      } else if (item instanceof PolicyDecl.Rule rule) {
        rule(scope, policy, rule);
      } else if (item instanceof PolicyDecl.Redact redact) {
        new RedactChecker(context, scope).check(redact);
      }
    }
  }

  private void rule(SchemaScope scope, PolicyDecl policy, PolicyDecl.Rule rule) {
    if (rule.action() == null) {
      return;
    }
    Set<String> kinds = new HashSet<>();
    for (PolicyDecl.Clause clause : rule.clauses()) {
      if (!kinds.add(clause.kind().name())) {
        diagnostics.error(
            clause.kind().span(),
            "`"
                + clause.kind().name()
                + "(..)` is given twice in rule `"
                + rule.name().name()
                + "`",
            "merge the two into one clause");
      }
      if (clause.refs().isEmpty()) {
        diagnostics.error(
            clause.span(),
            "`" + clause.kind().name() + "()` is empty",
            "name at least one predicate or threshold level, or remove the clause");
      }
      for (QualifiedName ref : clause.refs()) {
        new BitReferences(context, scope).resolve(ref, policy, rule.name().name());
      }
    }
    action(rule.action());
    if (rule.priority() != null) {
      context.literals.integerIn(rule.priority(), 0, 1000, "rule priority");
    }
  }

  private void action(PolicyDecl.Action action) {
    Ident kind = action.kind();
    switch (kind.name()) {
      case "flag" -> {}
      case "route" -> {
        if (!(action.argument() instanceof Literal.Word word) || !word.value().equals("lucius")) {
          diagnostics.error(
              action.argument().span(),
              "unknown route `"
                  + action.argument().source()
                  + "`; the only route is `lucius` (the scrub path)");
        }
      }
      case "sample" ->
          context.literals.integerIn(action.argument(), 1, 1_000_000, "sample(N) (keep 1 in N)");
      case "drop_with_reason" -> {
        if (action.argument() instanceof Literal.Str reason && reason.value().isBlank()) {
          diagnostics.error(
              reason.span(), "the drop reason is empty", "say why, e.g. \"known scanner\"");
        }
      }
      default ->
          diagnostics.error(
              kind.span(),
              "unknown action `"
                  + kind.name()
                  + "`; expected `flag`, "
                  + "`route lucius`, `sample(N)` or `drop_with_reason \"why\"`",
              DiagnosticRenderer.didYouMean(kind.name(), ACTIONS));
    }
  }
}
