package dev.ben.contracts.fmt;

import dev.ben.contracts.lang.Expr;
import dev.ben.contracts.lang.Ident;
import dev.ben.contracts.lang.Literal;
import dev.ben.contracts.lang.PolicyDecl;
import dev.ben.contracts.lang.Pred;
import dev.ben.contracts.lang.QualifiedName;
import dev.ben.contracts.lang.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Canonical source text of expressions, predicates and other inline constructs. */
final class SourceText {

  private SourceText() {}

  static <T> String join(List<T> items, String separator, Function<T, String> text) {
    List<String> parts = new ArrayList<>();
    for (T item : items) {
      parts.add(text.apply(item));
    }
    return String.join(separator, parts);
  }

  static String names(List<Ident> names) {
    return "[" + join(names, ", ", Ident::name) + "]";
  }

  static String op(TokenKind kind) {
    String description = kind.description();
    return description.substring(1, description.length() - 1);
  }

  static String pred(Pred pred) {
    if (pred instanceof Pred.Compare p) {
      return p.field().name() + " " + op(p.op()) + " " + p.value().source();
    } else if (pred instanceof Pred.Between p) {
      return p.field().name() + " between " + p.low().source() + " and " + p.high().source();
    } else if (pred instanceof Pred.InList p) {
      return p.field().name() + " in " + p.list().name();
    } else if (pred instanceof Pred.InValues p) {
      return p.field().name() + " in [" + join(p.values(), ", ", Literal::source) + "]";
    } else if (pred instanceof Pred.InCidr p) {
      return p.field().name() + " in cidr(" + join(p.blocks(), ", ", Literal::source) + ")";
    } else if (pred instanceof Pred.Text p) {
      return p.field().name() + " " + p.op().name() + " " + p.value().source();
    } else if (pred instanceof Pred.Fuzzy p) {
      return p.field().name() + " ~ " + p.list().name() + " within " + p.distance().source();
    } else if (pred instanceof Pred.Modulo p) {
      return p.field().name()
          + " % "
          + p.modulus().source()
          + " "
          + op(p.op())
          + " "
          + p.remainder().source();
    } else if (pred instanceof Pred.Compose p) {
      return p.op().name() + "(" + join(p.args(), ", ", SourceText::pred) + ")";
    } else if (pred instanceof Pred.Ref p) {
      return p.name().name();
    }
    throw new IllegalArgumentException("cannot format a predicate that failed to parse");
  }

  static String expr(Expr expr) {
    if (expr instanceof Expr.Logical e) {
      return expr(e.left()) + " " + e.op() + " " + expr(e.right());
    } else if (expr instanceof Expr.Not e) {
      return "not " + expr(e.operand());
    } else if (expr instanceof Expr.Compare e) {
      return expr(e.left()) + " " + op(e.op()) + " " + expr(e.right());
    } else if (expr instanceof Expr.Group e) {
      return "(" + expr(e.inner()) + ")";
    } else if (expr instanceof Expr.Name e) {
      return e.name().source();
    } else if (expr instanceof Expr.Invalid) {
      throw new IllegalArgumentException("cannot format an expression that failed to parse");
    }
    return ((Expr.Constant) expr).value().source();
  }

  static String clauses(PolicyDecl.Rule rule) {
    return join(
        rule.clauses(),
        " ",
        clause ->
            clause.kind().name() + "(" + join(clause.refs(), ", ", QualifiedName::source) + ")");
  }

  static String action(PolicyDecl.Action action) {
    String kind = action.kind().name();
    return switch (kind) {
      case "route" -> "route " + action.argument().source();
      case "sample" -> "sample(" + action.argument().source() + ")";
      case "drop_with_reason" -> "drop_with_reason " + action.argument().source();
      default -> kind;
    };
  }

  static String redaction(PolicyDecl.Redact redact) {
    return redact.op().name()
        + (redact.argument() == null ? "" : "(" + redact.argument().source() + ")");
  }
}
