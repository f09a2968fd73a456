package dev.ben.contracts.lang;

import dev.ben.contracts.lang.PolicyDecl.Action;
import dev.ben.contracts.lang.PolicyDecl.Clause;
import dev.ben.contracts.lang.PolicyDecl.Item;
import dev.ben.contracts.lang.PolicyDecl.Level;
import java.util.ArrayList;
import java.util.List;

/** Parses {@code policy} declarations: predicates, thresholds, rules and redactions. */
final class PolicyParser {
  private static final List<String> ITEMS = List.of("predicate", "threshold", "rule", "redact");
  private static final List<String> CLAUSES = List.of("all", "any", "none");

  private final TokenCursor cursor;
  private final Syntax syntax;

  PolicyParser(TokenCursor cursor, Syntax syntax) {
    this.cursor = cursor;
    this.syntax = syntax;
  }

  PolicyDecl policy(Token start) {
    Ident name = cursor.ident("a policy name");
    cursor.expectWord("on", "after the policy name (`policy " + name.name() + " on SCHEMA`)");
    Ident schema = cursor.ident("the schema the policy applies to");
    List<Item> items = new ArrayList<>();
    syntax.block(
        "policy `" + name.name() + "`",
        ITEMS,
        false,
        item ->
            items.add(
                switch (item.text()) {
                  case "predicate" -> predicate(item);
                  case "threshold" -> threshold(item);
                  case "rule" -> rule(item);
                  default -> redact(item);
                }));
    return new PolicyDecl(name, schema, items, cursor.spanFrom(start));
  }

  private PolicyDecl.Predicate predicate(Token start) {
    Ident name = cursor.ident("a predicate name");
    int afterName = cursor.position();
    try {
      cursor.expect(TokenKind.ASSIGN, "after the predicate name");
      Pred expr = new PredicateParser(cursor, syntax).predicate();
      return new PolicyDecl.Predicate(name, expr, cursor.spanFrom(start));
    } catch (TokenCursor.ParseError error) {
      // Keep the name declared so that every use of it does not produce a second, misleading error.
      cursor.recover(ITEMS, afterName);
      return new PolicyDecl.Predicate(name, new Pred.Invalid(name.span()), name.span());
    }
  }

  private PolicyDecl.Threshold threshold(Token start) {
    Ident name = cursor.ident("a threshold name");
    cursor.expectWord(
        "on", "after the threshold name (`threshold " + name.name() + " on FIELD gte {..}`)");
    Ident field = cursor.ident("the field the threshold measures");
    Ident direction = cursor.ident("a comparison (`gte`, `gt`, `lte` or `lt`)");
    cursor.expect(TokenKind.LBRACE, "to open the threshold levels");
    List<Level> levels = new ArrayList<>();
    while (!cursor.at(TokenKind.RBRACE) && !cursor.atEnd()) {
      Ident level = cursor.ident("a level name");
      cursor.expect(TokenKind.ASSIGN, "after level `" + level.name() + "`");
      levels.add(new Level(level, syntax.literal("for level `" + level.name() + "`")));
      cursor.separators();
    }
    cursor.expect(TokenKind.RBRACE, "to close the threshold levels");
    cursor.expectWord("fact", "after the levels (`fact NAME` names the highest level reached)");
    Ident fact = cursor.ident("a fact name");
    return new PolicyDecl.Threshold(name, field, direction, levels, fact, cursor.spanFrom(start));
  }

  private PolicyDecl.Rule rule(Token start) {
    Ident name = cursor.ident("a rule name");
    int afterName = cursor.position();
    try {
      return ruleBody(start, name);
    } catch (TokenCursor.ParseError error) {
      // As for predicates: keep the rule's name declared (with no action) to avoid follow-on
      // errors.
      cursor.recover(ITEMS, afterName);
      return new PolicyDecl.Rule(name, List.of(), null, null, name.span());
    }
  }

  private PolicyDecl.Rule ruleBody(Token start, Ident name) {
    cursor.expect(TokenKind.ASSIGN, "after the rule name");
    List<Clause> clauses = new ArrayList<>();
    while (cursor.peek().is(TokenKind.IDENT) && cursor.peek(1).is(TokenKind.LPAREN)) {
      Token kind = cursor.peek();
      if (!CLAUSES.contains(kind.text())) {
        throw cursor.fail(
            "unknown rule clause `" + kind.text() + "`; expected `all`, `any` or `none`",
            Syntax.keywordHint(kind, CLAUSES));
      }
      cursor.advance();
      clauses.add(new Clause(new Ident(kind.text(), kind.span()), refs(), cursor.spanFrom(kind)));
    }
    if (clauses.isEmpty()) {
      throw cursor.missing(
          "expected `all(..)`, `any(..)` or `none(..)` in rule `"
              + name.name()
              + "`, found "
              + cursor.peek().describe());
    }
    cursor.expect(TokenKind.ARROW, "before the rule's action (`=> flag`)");
    Action action = action();
    Literal.Num priority = null;
    if (cursor.acceptWord("priority")) {
      priority = syntax.number("after `priority`");
    }
    return new PolicyDecl.Rule(name, clauses, action, priority, cursor.spanFrom(start));
  }

  private List<QualifiedName> refs() {
    cursor.expect(TokenKind.LPAREN, "to open the clause");
    List<QualifiedName> refs = new ArrayList<>();
    while (!cursor.at(TokenKind.RPAREN) && !cursor.atEnd()) {
      refs.add(qualifiedName("a predicate or threshold level"));
      if (!cursor.accept(TokenKind.COMMA)) {
        break;
      }
    }
    cursor.expect(TokenKind.RPAREN, "to close the clause");
    return refs;
  }

  QualifiedName qualifiedName(String what) {
    Token start = cursor.peek();
    List<Ident> parts = new ArrayList<>();
    parts.add(cursor.ident(what));
    while (cursor.accept(TokenKind.DOT)) {
      parts.add(cursor.ident("a name after `.`"));
    }
    return new QualifiedName(parts, cursor.spanFrom(start));
  }

  private Action action() {
    Token kind = cursor.peek();
    Ident word =
        cursor.ident(
            "an action (`flag`, `route lucius`, `sample(N)` or `drop_with_reason \"why\"`)");
    Literal argument =
        switch (word.name()) {
          case "route" -> syntax.literal("naming where to route (`lucius`)");
          case "sample" -> {
            cursor.expect(TokenKind.LPAREN, "after `sample`");
            Literal.Num rate = syntax.number("for the sampling rate");
            cursor.expect(TokenKind.RPAREN, "after the sampling rate");
            yield rate;
          }
          case "drop_with_reason" -> syntax.string("giving the reason");
          default -> null;
        };
    return new Action(word, argument, cursor.spanFrom(kind));
  }

  private PolicyDecl.Redact redact(Token start) {
    Ident field = cursor.ident("the field to redact");
    Ident op =
        cursor.ident(
            "a redaction (mask_all, mask_prefix(n), mask_suffix(n), truncate(n), hash, "
                + "hash(keyed), generalize_ip(prefix), drop)");
    Literal argument = null;
    if (cursor.accept(TokenKind.LPAREN)) {
      argument = syntax.literal("for `" + op.name() + "`");
      cursor.expect(TokenKind.RPAREN, "after the argument of `" + op.name() + "`");
    }
    return new PolicyDecl.Redact(field, op, argument, cursor.spanFrom(start));
  }
}
