package dev.ben.contracts.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The syntax of `policy NAME on SCHEMA { predicate … threshold … rule … redact … }`. */
final class PolicySyntax {

  private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=");
  private static final Set<String> TEXT_TESTS = Set.of("starts_with", "contains", "matches");

  private PolicySyntax() {}

  static Ast.Policy policy(TokenCursor c) {
    Ast.Name name = c.name("a policy name");
    c.expect("on", "after the policy name (`policy NAME on SCHEMA`)");
    Ast.Name schema = c.name("the schema the policy applies to");
    c.expect("{", "to open the policy");
    List<Ast.PredicateDecl> predicates = new ArrayList<>();
    List<Ast.Threshold> thresholds = new ArrayList<>();
    List<Ast.Rule> rules = new ArrayList<>();
    List<Ast.Redaction> redactions = new ArrayList<>();
    while (!c.accept("}")) {
      Ast.Name item = c.name("`predicate`, `threshold`, `rule`, `redact` or `}`");
      switch (item.text()) {
        case "predicate" -> predicates.add(predicate(c));
        case "threshold" -> thresholds.add(threshold(c));
        case "rule" -> rules.add(rule(c));
        case "redact" -> redactions.add(new Ast.Redaction(c.name("the field to redact"),
            c.name("a redaction (mask_all, mask_prefix(n), mask_suffix(n), truncate(n), hash, hash(keyed), "
                + "generalize_ip(prefix), drop)"), c.parenLiteral("the redaction's argument")));
        default -> throw itemError(c, item);
      }
    }
    return new Ast.Policy(name, schema, predicates, thresholds, rules, redactions);
  }

  private static TokenCursor.SyntaxError itemError(TokenCursor c, Ast.Name item) {
    c.diagnostics.error(item.span(), "unknown policy item `" + item.text() + "`",
        "a policy holds `predicate`, `threshold`, `rule` and `redact` lines");
    return new TokenCursor.SyntaxError();
  }

  private static Ast.PredicateDecl predicate(TokenCursor c) {
    Ast.Name name = c.name("a predicate name");
    c.expect("=", "after the predicate name `" + name.text() + "`");
    if (c.at("all") || c.at("any") || c.at("not")) {
      if (c.peek(1).is("(")) {
        Ast.Name op = c.name("all, any or not");
        return new Ast.PredicateDecl(name, new Ast.Compose(op, c.parenNames("predicate names")));
      }
    }
    Ast.Name field = c.name("a field name or all(…)/any(…)/not(…)");
    return new Ast.PredicateDecl(name, test(c, field));
  }

  private static Ast.Predicate test(TokenCursor c, Ast.Name field) {
    Token op = c.peek();
    if (op.kind() == Token.Kind.SYMBOL && COMPARISONS.contains(op.text())) {
      c.advance();
      return new Ast.Compare(field, new Ast.Name(op.text(), op.span()), c.literal("a value to compare with"));
    }
    if (c.accept("between")) {
      Ast.Literal low = c.literal("the lower bound");
      c.expect("and", "between the bounds (`between 1 and 5`)");
      return new Ast.Between(field, low, c.literal("the upper bound"));
    }
    if (c.accept("in")) {
      if (c.at("cidr") && c.peek(1).is("(")) {
        c.advance();
        c.expect("(", "after `cidr`");
        Ast.Literal cidr = c.literalOfKind(Ast.Literal.Kind.STRING, "a CIDR block in double quotes");
        c.expect(")", "after the CIDR block");
        return new Ast.InCidr(field, cidr);
      }
      if (c.accept("[")) {
        List<Ast.Literal> values = new ArrayList<>();
        while (!c.at("]")) {
          values.add(c.literal("a value"));
          if (!c.accept(",")) {
            break;
          }
        }
        c.expect("]", "to close the values");
        return new Ast.InValues(field, values);
      }
      return new Ast.InList(field, c.name("a list name, [values] or cidr(\"…\")"));
    }
    if (op.kind() == Token.Kind.IDENT && TEXT_TESTS.contains(op.text())) {
      c.advance();
      return new Ast.TextTest(field, new Ast.Name(op.text(), op.span()),
          c.literalOfKind(Ast.Literal.Kind.STRING, "a string in double quotes"));
    }
    if (c.accept("~")) {
      Ast.Name list = c.name("the list to match against");
      c.expect("within", "after the list (`name ~ LIST within 2`)");
      return new Ast.Fuzzy(field, list, c.literalOfKind(Ast.Literal.Kind.INT, "an edit distance"));
    }
    if (c.accept("%")) {
      Ast.Literal divisor = c.literalOfKind(Ast.Literal.Kind.INT, "a divisor");
      c.expect("==", "after the divisor (`n % 10 == 0`)");
      return new Ast.Modulo(field, divisor, c.literalOfKind(Ast.Literal.Kind.INT, "a remainder"));
    }
    throw c.fail("expected a test after `" + field.text() + "`, found " + op.describe(),
        "tests are ==, !=, <, <=, >, >=, between, in, starts_with, contains, matches, ~ LIST within N, % N == R");
  }

  private static Ast.Threshold threshold(TokenCursor c) {
    Ast.Name name = c.name("a threshold name");
    c.expect("on", "after the threshold name (`threshold NAME on FIELD gte { … }`)");
    Ast.Name field = c.name("the field the threshold reads");
    Ast.Name comparison = c.name("gte, gt, lte or lt");
    c.expect("{", "to open the levels");
    List<Ast.Level> levels = new ArrayList<>();
    while (!c.at("}")) {
      Ast.Name level = c.name("a level name");
      c.expect("=", "after the level name `" + level.text() + "`");
      levels.add(new Ast.Level(level, c.literal("the level's value")));
      if (!c.accept(",")) {
        break;
      }
    }
    c.expect("}", "to close the levels");
    c.expect("fact", "after the levels (`… } fact attempts_level`)");
    return new Ast.Threshold(name, field, comparison, levels, c.name("the fact's name"));
  }

  private static Ast.Rule rule(TokenCursor c) {
    Ast.Name name = c.name("a rule name");
    c.expect("=", "after the rule name `" + name.text() + "`");
    List<Ast.Clause> clauses = new ArrayList<>();
    while (c.at("all") || c.at("any") || c.at("none")) {
      Ast.Name kind = c.name("all, any or none");
      clauses.add(new Ast.Clause(kind, c.parenNames("predicate or level names")));
    }
    if (clauses.isEmpty()) {
      throw c.fail("expected all(…), any(…) or none(…) in rule `" + name.text() + "`, found " + c.peek().describe(),
          null);
    }
    c.expect("=>", "before the rule's action");
    Ast.Name kind = c.name("an action (flag, route lucius, sample(n), drop_with_reason \"why\")");
    Optional<Ast.Literal> argument = switch (kind.text()) {
      case "route" -> Optional.of(c.value("a route target such as lucius"));
      case "sample" -> c.parenLiteral("the sampling rate");
      case "drop_with_reason" -> Optional.of(c.literalOfKind(Ast.Literal.Kind.STRING, "a reason in double quotes"));
      default -> Optional.empty();
    };
    Optional<Ast.Literal> priority = c.accept("priority")
        ? Optional.of(c.literalOfKind(Ast.Literal.Kind.INT, "a priority number")) : Optional.empty();
    return new Ast.Rule(name, clauses, new Ast.Action(kind, argument), priority);
  }
}
