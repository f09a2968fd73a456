package dev.ben.contracts.check;

import dev.ben.contracts.check.ExprChecker.Typed;
import dev.ben.contracts.diag.DiagnosticRenderer;
import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.lang.Expr;
import dev.ben.contracts.lang.Ident;
import dev.ben.contracts.lang.Literal;
import dev.ben.contracts.lang.PlaybookDecl;
import dev.ben.contracts.lang.SignalDecl;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Checks playbooks: a condition, a well-typed emit of a known signal, and a bound. */
final class PlaybookChecker {
  private final CheckContext context;
  private final Diagnostics diagnostics;

  PlaybookChecker(CheckContext context) {
    this.context = context;
    this.diagnostics = context.diagnostics;
  }

  void check(PlaybookDecl playbook) {
    String name = playbook.name().name();
    if (playbook.when() == null) {
      diagnostics.error(
          playbook.name().span(),
          "playbook `" + name + "` has no `when` condition",
          "add `when RULE` or a condition such as `when brute_force and detector.value > 20`");
    }
    if (playbook.emit() == null) {
      diagnostics.error(
          playbook.name().span(),
          "playbook `" + name + "` emits nothing",
          "add `emit SIGNAL(arg = value, ...)`");
    }
    if (playbook.bound() == null) {
      diagnostics.error(
          playbook.name().span(),
          "playbook `" + name + "` has no bound",
          "add `bound at_most 10 per 1m` so a burst cannot flood applications with signals");
    }
    if (playbook.explain() != null && playbook.explain().value().isBlank()) {
      diagnostics.error(
          playbook.explain().span(),
          "the explanation is empty",
          "say in words why the playbook fires");
    }
    SchemaScope scope = context.scopeOf(playbook.schema());
    if (scope == null) {
      return;
    }
    ExprChecker expressions = new ExprChecker(context, scope, playbook);
    if (playbook.when() != null) {
      expressions.condition(playbook.when());
    }
    if (playbook.emit() != null) {
      emit(playbook.emit(), expressions, scope);
    }
    if (playbook.bound() != null) {
      bound(scope, playbook.bound());
    }
  }

  private void emit(PlaybookDecl.Emit emit, ExprChecker expressions, SchemaScope scope) {
    SignalDecl signal = context.symbols.resolve(SignalDecl.class, "signal", emit.signal());
    Map<String, BenType> params = signal == null ? null : context.signals.get(signal.name().name());
    Set<String> given = new HashSet<>();
    for (PlaybookDecl.Arg arg : emit.args()) {
      Typed typed = argumentShape(arg.value()) ? expressions.type(arg.value()) : null;
      Ident argName = arg.name();
      if (!given.add(argName.name())) {
        diagnostics.error(argName.span(), "argument `" + argName.name() + "` is given twice");
      } else if (params != null && !params.containsKey(argName.name())) {
        diagnostics.error(
            argName.span(),
            "signal `" + emit.signal().name() + "` has no argument `" + argName.name() + "`",
            DiagnosticRenderer.didYouMean(argName.name(), params.keySet()));
      } else if (params != null && typed != null) {
        assign(arg, typed, params.get(argName.name()), scope);
      }
    }
    if (params == null) {
      return;
    }
    for (Map.Entry<String, BenType> param : params.entrySet()) {
      if (!given.contains(param.getKey()) && !param.getValue().isOptional()) {
        diagnostics.error(
            emit.signal().span(),
            "missing argument `" + param.getKey() + "` for signal `" + emit.signal().name() + "`",
            "add `" + param.getKey() + " = ...` (it is `" + param.getValue().spelling() + "`)");
      }
    }
  }

  /**
   * A signal argument is a field, a constant, a fact or a detector value, never a computed
   * expression.
   */
  private boolean argumentShape(Expr value) {
    Expr inner = value;
    while (inner instanceof Expr.Group group) {
      inner = group.inner();
    }
    if (inner instanceof Expr.Name || inner instanceof Expr.Constant) {
      return true;
    }
    diagnostics.error(
        value.span(),
        "a signal argument must be a field, a constant, a fact or a detector value",
        "compute conditions in `when`; pass plain values to the signal");
    return false;
  }

  private void assign(PlaybookDecl.Arg arg, Typed value, BenType target, SchemaScope scope) {
    String where = "for argument `" + arg.name().name() + "`";
    Prim prim = target.prim();
    if (target.isArray()) {
      diagnostics.error(
          arg.value().span(),
          "array argument `" + arg.name().name() + "` cannot be set from an " + "expression");
    } else if (value.constant() instanceof Literal.Null) {
      diagnostics.error(
          arg.value().span(),
          "argument `" + arg.name().name() + "` cannot be null",
          "signal arguments always carry a value");
    } else if (value.prim() == Prim.BOOL
        && value.constant() == null
        && value.fact() == null
        && !isField(arg.value(), scope)) {
      diagnostics.error(
          arg.value().span(),
          "`" + arg.value().span().text() + "` is a condition, not a value",
          "pass a field, a constant, a fact or a detector value");
    } else if (value.constant() != null) {
      context.literals.value(value.constant(), prim, where);
    } else if (!value.prim().widensTo(prim)) {
      diagnostics.error(
          arg.value().span(),
          "argument `"
              + arg.name().name()
              + "` expects `"
              + target.spelling()
              + "`, but `"
              + arg.value().span().text()
              + "` is "
              + ExprChecker.describe(value));
    } else if (value.optional() && !target.isOptional()) {
      diagnostics.error(
          arg.value().span(),
          "`"
              + arg.value().span().text()
              + "` may be null but argument `"
              + arg.name().name()
              + "` is `"
              + target.spelling()
              + "`",
          "pass a field that is always present, or a constant");
    }
  }

  private static boolean isField(Expr value, SchemaScope scope) {
    Expr inner = value;
    while (inner instanceof Expr.Group group) {
      inner = group.inner();
    }
    if (inner instanceof Expr.Name name && name.name().isSimple()) {
      String simple = name.name().first().name();
      return scope.member(simple) == null && scope.schema().fields().containsKey(simple);
    }
    return false;
  }

  private void bound(SchemaScope scope, PlaybookDecl.Bound bound) {
    context.literals.integerIn(bound.atMost(), 1, 1_000_000, "at_most");
    context.literals.durationIn(
        bound.per(), DetectorChecker.SECOND, DetectorChecker.DAY, "the rate window", "1s and 1d");
    if (bound.cooldown() != null) {
      context.literals.durationIn(
          bound.cooldown(),
          DetectorChecker.SECOND,
          7 * DetectorChecker.DAY,
          "a cooldown",
          "1s and 7d");
      context.field(scope.schema(), bound.cooldownField());
    }
  }
}
