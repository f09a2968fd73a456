package dev.ben.contracts.check;

import dev.ben.contracts.check.ExprChecker.Typed;
import dev.ben.contracts.diag.DiagnosticRenderer;
import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.lang.Expr;
import dev.ben.contracts.lang.Literal;
import dev.ben.contracts.lang.PolicyDecl;
import java.util.List;

/** Type rules for comparisons in playbook expressions. */
final class Comparisons {
  private final Diagnostics diagnostics;
  private final LiteralChecker literals;

  Comparisons(Diagnostics diagnostics, LiteralChecker literals) {
    this.diagnostics = diagnostics;
    this.literals = literals;
  }

  /** Always a bool result; operand problems are reported. */
  Typed check(Expr.Compare compare, Typed left, Typed right) {
    Typed result = Typed.of(Prim.BOOL);
    if (left == null || right == null) {
      return result;
    }
    if (left.fact() != null || right.fact() != null) {
      fact(compare, left.fact() != null ? left : right, left.fact() != null ? right : left);
      return result;
    }
    if (left.prim() == null || right.prim() == null) {
      diagnostics.error(
          compare.span(),
          "playbook conditions cannot test for null",
          "declare a predicate such as `has_x = x != null` in a policy and use its name here");
      return result;
    }
    if ((left.constant() == null) == (right.constant() == null)) {
      diagnostics.error(
          compare.span(),
          left.constant() == null
              ? "a comparison in a playbook needs a constant on " + "one side"
              : "this compares two constants",
          "compare one field, fact or detector value with a "
              + "constant, e.g. `login_rate.fails > 20`");
      return result;
    }
    if (!left.prim().comparableWith(right.prim())
        && !constantFits(left, right)
        && !constantFits(right, left)) {
      diagnostics.error(
          compare.span(),
          "cannot compare " + ExprChecker.describe(left) + " with " + ExprChecker.describe(right));
      return result;
    }
    Prim prim = left.constant() == null ? left.prim() : right.prim();
    if (ExprChecker.isOrdering(compare.op()) && !prim.isOrdered()) {
      diagnostics.error(
          compare.span(),
          "operator "
              + compare.op().description()
              + " cannot be applied to `"
              + prim.spelling()
              + "` values",
          "ordering works on numbers, timestamps and threshold facts");
    }
    return result;
  }

  /**
   * A quoted constant compared with a typed field is checked as a value of that type (e.g. an
   * ipv4).
   */
  private boolean constantFits(Typed constant, Typed other) {
    if (!(constant.constant() instanceof Literal.Str str) || other.constant() != null) {
      return false;
    }
    literals.value(str, other.prim(), "in the comparison");
    return true;
  }

  /**
   * A fact holds a level name: compare it with a level of its threshold (ordering follows the
   * levels).
   */
  private void fact(Expr.Compare compare, Typed fact, Typed other) {
    PolicyDecl.Threshold threshold = fact.fact();
    List<String> levels = threshold.levels().stream().map(level -> level.name().name()).toList();
    if (levels.isEmpty()) {
      return;
    }
    if (!(other.constant() instanceof Literal.Str level)) {
      diagnostics.error(
          compare.span(),
          "threshold fact `"
              + threshold.fact().name()
              + "` can only be compared "
              + "with a level name in quotes",
          "e.g. `" + threshold.fact().name() + " == \"" + levels.get(0) + "\"`");
      return;
    }
    if (!levels.contains(level.value())) {
      String[] hint = DiagnosticRenderer.didYouMean(level.value(), levels);
      diagnostics.error(
          level.span(),
          "threshold `" + threshold.name().name() + "` has no level \"" + level.value() + "\"",
          hint.length > 0 ? hint : new String[] {"its levels are " + String.join(", ", levels)});
    }
  }
}
