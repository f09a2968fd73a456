package dev.ben.contracts.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The syntax of detectors (keyed features) and playbooks (conditions, emits, bounds). */
final class BehaviourSyntax {

  private static final Set<String> WINDOWED = Set.of("sum", "avg", "min", "max", "distinct");
  private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=");

  private BehaviourSyntax() {}

  static Ast.Detector detector(TokenCursor c) {
    Ast.Name name = c.name("a detector name");
    c.expect("on", "after the detector name (`detector NAME on SCHEMA by FIELD`)");
    Ast.Name schema = c.name("the schema the detector reads");
    c.expect("by", "after the schema (`by FIELD[, FIELD]`)");
    List<Ast.Name> by = new ArrayList<>();
    do {
      by.add(c.name("a key field"));
    } while (c.accept(","));
    c.expect("{", "to open the detector");
    List<Ast.Feature> features = new ArrayList<>();
    while (!c.accept("}")) {
      features.add(feature(c));
      c.accept(";");
    }
    return new Ast.Detector(name, schema, by, features);
  }

  private static Ast.Feature feature(TokenCursor c) {
    Ast.Name kind = c.name("a feature (count, sum, avg, min, max, distinct, ttl_counter, ewma, cusum, anomaly)");
    Optional<Ast.Name> none = Optional.empty();
    Optional<Ast.Literal> noLiteral = Optional.empty();
    switch (kind.text()) {
      case "count" -> {
        Ast.Literal over = over(c);
        Ast.Name alias = as(c);
        return new Ast.Feature(kind, none, Optional.of(over), Optional.of(alias), where(c), noLiteral, none,
            noLiteral, noLiteral, noLiteral, noLiteral);
      }
      case "ttl_counter" -> {
        Ast.Name alias = c.name("the counter's name");
        c.expect("ttl", "after the counter name (`ttl_counter strikes ttl 1h incr on RULE`)");
        Ast.Literal ttl = c.literalOfKind(Ast.Literal.Kind.DURATION, "a duration such as 1h");
        c.expect("incr", "after the ttl");
        c.expect("on", "after `incr`");
        return new Ast.Feature(kind, none, noLiteral, Optional.of(alias), none, Optional.of(ttl),
            Optional.of(c.name("the rule that increments the counter")), noLiteral, noLiteral, noLiteral, noLiteral);
      }
      case "ewma" -> {
        Ast.Name field = c.name("the field to average");
        c.expect("alpha", "after the field (`ewma FIELD alpha 0.2`)");
        Ast.Literal alpha = c.literal("the smoothing factor");
        return new Ast.Feature(kind, Optional.of(field), noLiteral, optionalAs(c), none, noLiteral, none,
            Optional.of(alpha), noLiteral, noLiteral, noLiteral);
      }
      case "cusum" -> {
        Ast.Name field = c.name("the field to watch");
        c.expect("k", "after the field (`cusum FIELD k 0.5 h 5`)");
        Ast.Literal k = c.literal("the allowance k");
        c.expect("h", "after k");
        Ast.Literal h = c.literal("the decision threshold h");
        return new Ast.Feature(kind, Optional.of(field), noLiteral, optionalAs(c), none, noLiteral, none, noLiteral,
            Optional.of(k), Optional.of(h), noLiteral);
      }
      case "anomaly" -> {
        Ast.Name alias = c.name("the score's name");
        c.expect("on", "after the score name (`anomaly NAME on FIELD [window N]`)");
        Ast.Name field = c.name("the field to score");
        Optional<Ast.Literal> window = c.accept("window")
            ? Optional.of(c.literalOfKind(Ast.Literal.Kind.INT, "a window size")) : noLiteral;
        return new Ast.Feature(kind, Optional.of(field), noLiteral, Optional.of(alias), none, noLiteral, none,
            noLiteral, noLiteral, noLiteral, window);
      }
      default -> {
        if (!WINDOWED.contains(kind.text())) {
          c.diagnostics.error(kind.span(), "unknown detector feature `" + kind.text() + "`",
              "features are count, sum, avg, min, max, distinct, ttl_counter, ewma, cusum and anomaly");
          throw new TokenCursor.SyntaxError();
        }
        Ast.Name field = c.name("the field to aggregate");
        Ast.Literal over = over(c);
        Ast.Name alias = as(c);
        return new Ast.Feature(kind, Optional.of(field), Optional.of(over), Optional.of(alias), where(c), noLiteral,
            none, noLiteral, noLiteral, noLiteral, noLiteral);
      }
    }
  }

  private static Ast.Literal over(TokenCursor c) {
    c.expect("over", "before the window (`over 5m`)");
    return c.literalOfKind(Ast.Literal.Kind.DURATION, "a window duration such as 5m");
  }

  private static Ast.Name as(TokenCursor c) {
    c.expect("as", "before the feature's name (`as fails`)");
    return c.name("the feature's name");
  }

  private static Optional<Ast.Name> optionalAs(TokenCursor c) {
    return c.accept("as") ? Optional.of(c.name("the feature's name")) : Optional.empty();
  }

  private static Optional<Ast.Name> where(TokenCursor c) {
    return c.accept("where") ? Optional.of(c.name("a predicate name")) : Optional.empty();
  }

  static Ast.Playbook playbook(TokenCursor c) {
    Ast.Name name = c.name("a playbook name");
    c.expect("on", "after the playbook name (`playbook NAME on SCHEMA`)");
    Ast.Name schema = c.name("the schema the playbook watches");
    c.expect("{", "to open the playbook");
    Optional<Ast.Condition> when = Optional.empty();
    Optional<Ast.Name> emit = Optional.empty();
    List<Ast.EmitArg> args = new ArrayList<>();
    List<Ast.Bound> bounds = new ArrayList<>();
    Optional<Ast.Literal> explain = Optional.empty();
    while (!c.accept("}")) {
      Ast.Name item = c.name("`when`, `emit`, `bound`, `explain` or `}`");
      switch (item.text()) {
        case "when" -> when = Optional.of(or(c));
        case "emit" -> {
          emit = Optional.of(c.name("the signal to emit"));
          args.addAll(emitArgs(c));
        }
        case "bound" -> {
          do {
            bounds.add(bound(c));
          } while (c.accept(","));
        }
        case "explain" -> explain = Optional.of(c.literalOfKind(Ast.Literal.Kind.STRING, "an explanation in quotes"));
        default -> {
          c.diagnostics.error(item.span(), "unknown playbook item `" + item.text() + "`",
              "a playbook has `when`, `emit`, `bound` and `explain`");
          throw new TokenCursor.SyntaxError();
        }
      }
    }
    return new Ast.Playbook(name, schema, when, emit, args, bounds, explain);
  }

  private static List<Ast.EmitArg> emitArgs(TokenCursor c) {
    c.expect("(", "after the signal name");
    List<Ast.EmitArg> args = new ArrayList<>();
    while (!c.at(")")) {
      Ast.Name arg = c.name("an argument name");
      c.expect("=", "after the argument name `" + arg.text() + "`");
      args.add(new Ast.EmitArg(arg, operand(c)));
      if (!c.accept(",")) {
        break;
      }
    }
    c.expect(")", "to close the signal's arguments");
    return args;
  }

  private static Ast.Bound bound(TokenCursor c) {
    Ast.Name kind = c.name("`at_most` or `cooldown`");
    if (kind.text().equals("at_most")) {
      Ast.Literal amount = c.literalOfKind(Ast.Literal.Kind.INT, "how many firings");
      c.expect("per", "after the count (`at_most 10 per 1m`)");
      return new Ast.Bound(kind, amount, Optional.of(c.literalOfKind(Ast.Literal.Kind.DURATION, "a duration")),
          Optional.empty());
    }
    if (kind.text().equals("cooldown")) {
      Ast.Literal amount = c.literalOfKind(Ast.Literal.Kind.DURATION, "a cooldown duration");
      Optional<Ast.Name> scope = c.accept("per") ? Optional.of(c.name("the field that scopes the cooldown"))
          : Optional.empty();
      return new Ast.Bound(kind, amount, Optional.empty(), scope);
    }
    c.diagnostics.error(kind.span(), "unknown bound `" + kind.text() + "`",
        "bounds are `at_most N per DURATION` and `cooldown DURATION [per FIELD]`");
    throw new TokenCursor.SyntaxError();
  }

  private static Ast.Condition or(TokenCursor c) {
    Ast.Condition left = and(c);
    while (c.accept("or")) {
      left = new Ast.Or(left, and(c));
    }
    return left;
  }

  private static Ast.Condition and(TokenCursor c) {
    Ast.Condition left = unary(c);
    while (c.accept("and")) {
      left = new Ast.And(left, unary(c));
    }
    return left;
  }

  private static Ast.Condition unary(TokenCursor c) {
    if (c.at("not")) {
      Token not = c.advance();
      return new Ast.Not(unary(c), not.span());
    }
    if (c.accept("(")) {
      Ast.Condition inner = or(c);
      c.expect(")", "to close the parenthesis");
      return inner;
    }
    Ast.Operand left = operand(c);
    Token op = c.peek();
    if (op.kind() == Token.Kind.SYMBOL && COMPARISONS.contains(op.text())) {
      c.advance();
      return new Ast.Comparison(left, new Ast.Name(op.text(), op.span()), operand(c));
    }
    return new Ast.Truth(left);
  }

  static Ast.Operand operand(TokenCursor c) {
    if (c.atKind(Token.Kind.IDENT) && !c.at("true") && !c.at("false") && !c.at("null")) {
      Ast.Name first = c.name("a name");
      Optional<Ast.Name> member = c.accept(".") ? Optional.of(c.name("a detector feature")) : Optional.empty();
      return new Ast.Ref(first, member);
    }
    return new Ast.Lit(c.literal("a value or a name"));
  }
}
