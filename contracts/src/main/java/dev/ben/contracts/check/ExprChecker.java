package dev.ben.contracts.check;

import dev.ben.contracts.diag.DiagnosticRenderer;
import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.lang.DetectorDecl;
import dev.ben.contracts.lang.Expr;
import dev.ben.contracts.lang.Ident;
import dev.ben.contracts.lang.Literal;
import dev.ben.contracts.lang.PlaybookDecl;
import dev.ben.contracts.lang.PolicyDecl;
import dev.ben.contracts.lang.QualifiedName;
import dev.ben.contracts.lang.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Types playbook expressions. Names resolve to rules and predicates (whether they held), threshold
 * levels, threshold facts (the highest level reached, compared with a level name), event fields and
 * detector values ({@code detector.value}, always f64).
 */
final class ExprChecker {
  /**
   * The type of an expression; {@code fact} is set for threshold facts, {@code constant} for
   * literals.
   */
  record Typed(Prim prim, boolean optional, PolicyDecl.Threshold fact, Literal constant) {
    static Typed of(Prim prim) {
      return new Typed(prim, false, null, null);
    }
  }

  private final CheckContext context;
  private final Diagnostics diagnostics;
  private final SchemaScope scope;
  private final PlaybookDecl playbook;

  ExprChecker(CheckContext context, SchemaScope scope, PlaybookDecl playbook) {
    this.context = context;
    this.diagnostics = context.diagnostics;
    this.scope = scope;
    this.playbook = playbook;
  }

  /** Checks that the expression is a condition. */
  void condition(Expr expr) {
    Expr inner = expr;
    while (inner instanceof Expr.Group group) {
      inner = group.inner();
    }
    if (inner instanceof Expr.Invalid) {
      return;
    }
    if (inner instanceof Expr.Constant) {
      diagnostics.error(
          expr.span(),
          "`" + expr.span().text() + "` is a constant, not a condition",
          "name a rule, a predicate or a comparison such as `detector.value > 20`");
      return;
    }
    Typed typed = type(expr);
    if (typed != null && typed.prim() != Prim.BOOL) {
      diagnostics.error(
          expr.span(),
          "`" + expr.span().text() + "` is " + describe(typed) + ", not a condition",
          "compare it, e.g. `" + expr.span().text() + " > 0`");
    }
  }

  /** The type of an expression, or null after reporting. */
  Typed type(Expr expr) {
    if (expr instanceof Expr.Group group) {
      return type(group.inner());
    }
    if (expr instanceof Expr.Not not) {
      condition(not.operand());
      return Typed.of(Prim.BOOL);
    }
    if (expr instanceof Expr.Logical logical) {
      condition(logical.left());
      condition(logical.right());
      return Typed.of(Prim.BOOL);
    }
    if (expr instanceof Expr.Compare compare) {
      return new Comparisons(diagnostics, context.literals)
          .check(compare, type(compare.left()), type(compare.right()));
    }
    if (expr instanceof Expr.Constant constant) {
      return constant(constant.value());
    }
    if (expr instanceof Expr.Invalid) {
      return null;
    }
    return name(((Expr.Name) expr).name());
  }

  private Typed constant(Literal literal) {
    if (literal instanceof Literal.Str || literal instanceof Literal.Bool) {
      return new Typed(
          literal instanceof Literal.Str ? Prim.STRING : Prim.BOOL, false, null, literal);
    }
    if (literal instanceof Literal.Num num) {
      return new Typed(num.decimal() ? Prim.F64 : Prim.I64, false, null, num);
    }
    if (literal instanceof Literal.Null) {
      return new Typed(null, true, null, literal);
    }
    diagnostics.error(literal.span(), "`" + literal.source() + "` cannot be used in an expression");
    return null;
  }

  private Typed name(QualifiedName name) {
    Ident first = name.first();
    SchemaScope.Member member = scope.member(first.name());
    if (member != null) {
      return member(name, member);
    }
    if (!name.isSimple()) {
      return detectorValue(name);
    }
    BenType field = scope.schema().fields().get(first.name());
    if (field != null) {
      if (field.isArray()) {
        diagnostics.error(
            first.span(),
            "field `" + first.name() + "` is an array; expressions use single values");
        return null;
      }
      return new Typed(field.prim(), field.isOptional(), null, null);
    }
    List<String> candidates = new ArrayList<>(scope.names(List.of("rule", "predicate", "fact")));
    candidates.addAll(scope.schema().fields().keySet());
    diagnostics.error(
        first.span(),
        "unknown name `"
            + first.name()
            + "` in playbook `"
            + playbook.name().name()
            + "`: not a rule, predicate, fact or field of schema `"
            + scope.schema().name()
            + "`",
        DiagnosticRenderer.didYouMean(first.name(), candidates));
    return null;
  }

  private Typed member(QualifiedName name, SchemaScope.Member member) {
    if (member.kind().equals("fact") && name.isSimple()) {
      context.usesPolicy(playbook, member.policy());
      return new Typed(Prim.STRING, false, (PolicyDecl.Threshold) member.item(), null);
    }
    if (new BitReferences(context, scope)
            .resolveCondition(name, "playbook `" + playbook.name().name() + "`", true)
        == null) {
      return null;
    }
    context.usesPolicy(playbook, member.policy());
    return Typed.of(Prim.BOOL);
  }

  private Typed detectorValue(QualifiedName name) {
    Ident detectorName = name.first();
    DetectorDecl detector = context.symbols.resolve(DetectorDecl.class, "detector", detectorName);
    if (detector == null) {
      return null;
    }
    if (!context.scopes.containsKey(detector.schema().name())) {
      return null;
    }
    if (!detector.schema().name().equals(scope.schema().name())) {
      diagnostics.error(
          detectorName.span(),
          "detector `"
              + detectorName.name()
              + "` watches schema `"
              + detector.schema().name()
              + "`, but playbook `"
              + playbook.name().name()
              + "` is on `"
              + scope.schema().name()
              + "`");
      return null;
    }
    Ident value = name.parts().get(1);
    List<String> values = detector.features().stream().map(DetectorDecl.Feature::name).toList();
    if (name.parts().size() != 2 || !values.contains(value.name())) {
      diagnostics.error(
          value.span(),
          "detector `" + detectorName.name() + "` has no value `" + value.name() + "`",
          DiagnosticRenderer.didYouMean(value.name(), values).length > 0
              ? DiagnosticRenderer.didYouMean(value.name(), values)
              : new String[] {"its values are " + String.join(", ", values)});
      return null;
    }
    context.usesDetector(playbook, detector);
    return Typed.of(Prim.F64);
  }

  static String describe(Typed typed) {
    if (typed.fact() != null) {
      return "a threshold fact";
    }
    return typed.prim() == null
        ? "`null`"
        : "`" + typed.prim().spelling() + (typed.optional() ? "?" : "") + "`";
  }

  static boolean isOrdering(TokenKind op) {
    return op == TokenKind.LT || op == TokenKind.LE || op == TokenKind.GT || op == TokenKind.GE;
  }
}
