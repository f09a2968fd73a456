package dev.ben.contracts.check;

import dev.ben.contracts.diag.DiagnosticRenderer;
import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.lang.Ident;
import dev.ben.contracts.lang.PolicyDecl;
import dev.ben.contracts.lang.Pred;
import dev.ben.contracts.lang.Predicates;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Type-checks predicate expressions of one policy; compositions may only use predicates declared
 * earlier.
 */
final class PredicateChecker {
  private final CheckContext context;
  private final Diagnostics diagnostics;
  private final SchemaScope scope;
  private final PolicyDecl policy;
  private final FieldTests tests;
  private final Set<String> declared = new HashSet<>();
  private String current;

  PredicateChecker(CheckContext context, SchemaScope scope, PolicyDecl policy) {
    this.context = context;
    this.diagnostics = context.diagnostics;
    this.scope = scope;
    this.policy = policy;
    this.tests = new FieldTests(context);
  }

  void check(PolicyDecl.Predicate predicate) {
    current = predicate.name().name();
    expression(predicate.expr());
    declared.add(current);
  }

  private void expression(Pred pred) {
    if (pred instanceof Pred.Invalid) {
      return;
    }
    if (pred instanceof Pred.Ref ref) {
      reference(ref.name());
    } else if (pred instanceof Pred.Compose compose) {
      compose(compose);
    } else {
      Ident field = Predicates.field(pred);
      BenType type = context.field(scope.schema(), field);
      if (type != null) {
        tests.check(pred, field, type);
      }
    }
  }

  private void compose(Pred.Compose compose) {
    String op = compose.op().name();
    if (op.equals("not") && compose.args().size() != 1) {
      diagnostics.error(
          compose.span(), "`not(..)` takes exactly one predicate, found " + compose.args().size());
    } else if (compose.args().isEmpty()) {
      diagnostics.error(compose.span(), "`" + op + "()` is empty", "name at least one predicate");
    }
    for (Pred arg : compose.args()) {
      expression(arg);
    }
  }

  /**
   * A bare name: a predicate of this policy, or a bool field (which means {@code field == true}).
   */
  private void reference(Ident name) {
    SchemaScope.Member member = scope.member(name.name());
    if (member != null && member.kind().equals("predicate")) {
      if (member.policy() != policy) {
        diagnostics.error(
            name.span(),
            "predicate `"
                + name.name()
                + "` belongs to policy `"
                + member.policy().name().name()
                + "`; compose only predicates of the same policy");
      } else if (!declared.contains(name.name())) {
        diagnostics.error(
            name.span(),
            "predicate `"
                + current
                + "` uses `"
                + name.name()
                + "`, which is not "
                + "declared before it",
            "declare `"
                + name.name()
                + "` above `"
                + current
                + "`: predicates build only "
                + "on earlier ones, which also rules out cycles");
      }
      return;
    }
    BenType field = scope.schema().fields().get(name.name());
    if (field != null && member == null) {
      if (field.required().prim() != Prim.BOOL || field.isArray()) {
        diagnostics.error(
            name.span(),
            "field `" + name.name() + "` is `" + field.spelling() + "`, not a condition",
            "compare it, e.g. `" + name.name() + " == ...`");
      }
      return;
    }
    if (member != null) {
      diagnostics.error(
          name.span(),
          "`" + name.name() + "` is a " + member.kind() + ", not a predicate",
          "predicates compose only predicates; use rules to combine threshold levels");
      return;
    }
    List<String> candidates = new ArrayList<>(scope.names(List.of("predicate")));
    candidates.addAll(scope.schema().fields().keySet());
    diagnostics.error(
        name.span(),
        "unknown predicate or field `" + name.name() + "` in policy `" + policy.name().name() + "`",
        DiagnosticRenderer.didYouMean(name.name(), candidates));
  }
}
