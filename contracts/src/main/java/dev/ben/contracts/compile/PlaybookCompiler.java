package dev.ben.contracts.compile;

import dev.ben.contracts.check.BenType;
import dev.ben.contracts.check.CheckedProgram;
import dev.ben.contracts.check.SchemaScope;
import dev.ben.contracts.lang.Expr;
import dev.ben.contracts.lang.Literal;
import dev.ben.contracts.lang.PlaybookDecl;
import dev.ben.contracts.lang.QualifiedName;
import dev.ben.contracts.model.ArgExpr;
import dev.ben.contracts.model.CompareOp;
import dev.ben.contracts.model.Emit;
import dev.ben.contracts.model.EmitArg;
import dev.ben.contracts.model.Playbook;
import dev.ben.contracts.model.PlaybookBound;
import dev.ben.contracts.model.PlaybookCondition;
import dev.ben.contracts.model.Threshold;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compiles playbooks: condition trees, emits (arguments in the signal's order) and bounds. */
final class PlaybookCompiler {
  private final CheckedProgram program;

  PlaybookCompiler(CheckedProgram program) {
    this.program = program;
  }

  Playbook compile(PlaybookDecl playbook) {
    SchemaScope scope = program.scope(playbook.schema().name());
    PlaybookDecl.Bound bound = playbook.bound();
    PlaybookBound limits =
        new PlaybookBound(
            (int) ModelValues.integer(bound.atMost()),
            bound.per().millis(),
            bound.cooldown() == null ? 0 : bound.cooldown().millis(),
            bound.cooldownField() == null ? List.of() : List.of(bound.cooldownField().name()));
    String explanation = playbook.explain() == null ? "" : playbook.explain().value();
    return new Playbook(
        playbook.name().name(),
        playbook.schema().name(),
        condition(playbook.when(), scope),
        emit(playbook.emit(), scope),
        limits,
        explanation,
        "");
  }

  private Emit emit(PlaybookDecl.Emit emit, SchemaScope scope) {
    Map<String, BenType> params = program.signalArgs().get(emit.signal().name());
    List<EmitArg> args = new ArrayList<>();
    for (Map.Entry<String, BenType> param : params.entrySet()) {
      for (PlaybookDecl.Arg arg : emit.args()) {
        if (arg.name().name().equals(param.getKey())) {
          args.add(
              new EmitArg(param.getKey(), argument(unwrap(arg.value()), param.getValue(), scope)));
        }
      }
    }
    return new Emit(emit.signal().name(), args);
  }

  private static ArgExpr argument(Expr value, BenType type, SchemaScope scope) {
    if (value instanceof Expr.Constant constant) {
      return new ArgExpr.Const(ModelValues.literal(constant.value(), type.prim()));
    }
    QualifiedName name = ((Expr.Name) value).name();
    if (!name.isSimple()) {
      return new ArgExpr.DetectorValue(name.first().name(), name.parts().get(1).name());
    }
    SchemaScope.Member member = scope.member(name.first().name());
    return member != null && member.kind().equals("fact")
        ? new ArgExpr.FactValue(name.first().name())
        : new ArgExpr.FieldRef(name.first().name());
  }

  private static Expr unwrap(Expr expr) {
    Expr inner = expr;
    while (inner instanceof Expr.Group group) {
      inner = group.inner();
    }
    return inner;
  }

  private PlaybookCondition condition(Expr expr, SchemaScope scope) {
    Expr inner = unwrap(expr);
    if (inner instanceof Expr.Logical logical) {
      List<PlaybookCondition> parts = new ArrayList<>();
      flatten(logical.op(), logical, parts, scope);
      return logical.op().equals("and")
          ? new PlaybookCondition.All(parts)
          : new PlaybookCondition.Any(parts);
    }
    if (inner instanceof Expr.Not not) {
      return new PlaybookCondition.Not(condition(not.operand(), scope));
    }
    if (inner instanceof Expr.Compare compare) {
      return new ComparisonCompiler(scope).compile(compare);
    }
    return name(((Expr.Name) inner).name(), scope);
  }

  private void flatten(String op, Expr expr, List<PlaybookCondition> parts, SchemaScope scope) {
    Expr inner = unwrap(expr);
    if (inner instanceof Expr.Logical logical && logical.op().equals(op)) {
      flatten(op, logical.left(), parts, scope);
      flatten(op, logical.right(), parts, scope);
    } else {
      parts.add(condition(inner, scope));
    }
  }

  /** A name used as a condition: a rule (fired), a predicate or level bit, or a bool field. */
  static PlaybookCondition name(QualifiedName name, SchemaScope scope) {
    String first = name.first().name();
    if (!name.isSimple()) {
      return new PlaybookCondition.BitSet(Threshold.bitName(first, name.parts().get(1).name()));
    }
    SchemaScope.Member member = scope.member(first);
    if (member == null) {
      return new PlaybookCondition.FieldCompare(
          first, CompareOp.EQ, new dev.ben.contracts.model.Literal.Bool(true));
    }
    return member.kind().equals("rule")
        ? new PlaybookCondition.RuleFired(first)
        : new PlaybookCondition.BitSet(first);
  }

  static boolean isTrue(Literal literal) {
    return literal instanceof Literal.Bool bool && bool.value();
  }
}
