package dev.ben.contracts.compile;

import dev.ben.contracts.check.SchemaScope;
import dev.ben.contracts.lang.Expr;
import dev.ben.contracts.lang.Literal;
import dev.ben.contracts.lang.QualifiedName;
import dev.ben.contracts.model.CompareOp;
import dev.ben.contracts.model.PlaybookCondition;

/**
 * Compiles a playbook comparison, which the checker guarantees has one name and one constant, into
 * the model's fact, detector or field comparison (or a rule/bit test for {@code rule == true}).
 */
final class ComparisonCompiler {
  private final SchemaScope scope;

  ComparisonCompiler(SchemaScope scope) {
    this.scope = scope;
  }

  PlaybookCondition compile(Expr.Compare compare) {
    CompareOp op = ModelValues.op(compare.op());
    Expr left = strip(compare.left());
    Expr right = strip(compare.right());
    if (left instanceof Expr.Constant) {
      Expr swap = left;
      left = right;
      right = swap;
      op = ModelValues.flip(op);
    }
    QualifiedName name = ((Expr.Name) left).name();
    Literal constant = ((Expr.Constant) right).value();
    String first = name.first().name();
    if (!name.isSimple()) {
      if (scope.member(first) == null) {
        return new PlaybookCondition.DetectorCompare(
            first, name.parts().get(1).name(), op, ModelValues.decimal(constant));
      }
      return truth(PlaybookCompiler.name(name, scope), op, constant);
    }
    SchemaScope.Member member = scope.member(first);
    if (member != null && member.kind().equals("fact")) {
      return new PlaybookCondition.FactCompare(first, op, ((Literal.Str) constant).value());
    }
    if (member != null) {
      return truth(PlaybookCompiler.name(name, scope), op, constant);
    }
    return new PlaybookCondition.FieldCompare(
        first, op, ModelValues.literal(constant, scope.schema().fields().get(first).prim()));
  }

  /** {@code x == true} and {@code x != false} are {@code x}; the other two are {@code not x}. */
  private static PlaybookCondition truth(PlaybookCondition holds, CompareOp op, Literal constant) {
    boolean positive = (op == CompareOp.EQ) == PlaybookCompiler.isTrue(constant);
    return positive ? holds : new PlaybookCondition.Not(holds);
  }

  private static Expr strip(Expr expr) {
    Expr inner = expr;
    while (inner instanceof Expr.Group group) {
      inner = group.inner();
    }
    return inner;
  }
}
