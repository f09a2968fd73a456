package dev.ben.contracts.lang;

import dev.ben.contracts.lang.PlaybookDecl.Arg;
import java.util.ArrayList;
import java.util.List;

/** Parses {@code playbook} declarations and their expressions. */
final class PlaybookParser {
  private static final List<String> ITEMS = List.of("when", "emit", "bound", "explain");

  private final TokenCursor cursor;
  private final Syntax syntax;

  PlaybookParser(TokenCursor cursor, Syntax syntax) {
    this.cursor = cursor;
    this.syntax = syntax;
  }

  PlaybookDecl playbook(Token start) {
    Ident name = cursor.ident("a playbook name");
    cursor.expectWord("on", "after the playbook name (`playbook " + name.name() + " on SCHEMA`)");
    Ident schema = cursor.ident("the schema whose events the playbook sees");
    Object[] parts = new Object[4];
    syntax.block(
        "playbook `" + name.name() + "`",
        ITEMS,
        true,
        item -> {
          switch (item.text()) {
            case "when" -> parts[0] = guarded(item, this::expression);
            case "emit" -> parts[1] = emit(item);
            case "bound" -> parts[2] = bound(item);
            default -> parts[3] = syntax.string("with the explanation");
          }
        });
    return new PlaybookDecl(
        name,
        schema,
        (Expr) parts[0],
        (PlaybookDecl.Emit) parts[1],
        (PlaybookDecl.Bound) parts[2],
        (Literal.Str) parts[3],
        cursor.spanFrom(start));
  }

  /**
   * Parses a clause; on a syntax error the clause is kept as invalid so it is not also reported
   * missing.
   */
  private Expr guarded(Token start, java.util.function.Supplier<Expr> parse) {
    int begin = cursor.position();
    try {
      return parse.get();
    } catch (TokenCursor.ParseError error) {
      cursor.recover(ITEMS, begin);
      return new Expr.Invalid(start.span());
    }
  }

  private PlaybookDecl.Emit emit(Token start) {
    Ident signal = cursor.ident("the signal to emit");
    cursor.expect(TokenKind.LPAREN, "after the signal name");
    List<Arg> args = new ArrayList<>();
    while (!cursor.at(TokenKind.RPAREN) && !cursor.atEnd()) {
      Ident arg = cursor.ident("an argument name");
      cursor.expect(TokenKind.ASSIGN, "after argument `" + arg.name() + "`");
      args.add(new Arg(arg, expression()));
      if (!cursor.accept(TokenKind.COMMA)) {
        break;
      }
    }
    cursor.expect(TokenKind.RPAREN, "to close the signal's arguments");
    return new PlaybookDecl.Emit(signal, args, cursor.spanFrom(start));
  }

  private PlaybookDecl.Bound bound(Token start) {
    cursor.expectWord("at_most", "after `bound` (`bound at_most N per D`)");
    Literal.Num atMost = syntax.number("for the number of firings");
    cursor.expectWord("per", "after the number (`per 1m`)");
    Literal.Duration per = syntax.duration("for the rate window");
    Literal.Duration cooldown = null;
    Ident cooldownField = null;
    if (cursor.at(TokenKind.COMMA) && cursor.peek(1).isWord("cooldown")) {
      cursor.advance();
    }
    if (cursor.acceptWord("cooldown")) {
      cooldown = syntax.duration("for the cooldown");
      cursor.expectWord("per", "after the cooldown (`per FIELD`)");
      cooldownField = cursor.ident("the field the cooldown applies per");
    }
    return new PlaybookDecl.Bound(atMost, per, cooldown, cooldownField, cursor.spanFrom(start));
  }

  Expr expression() {
    Expr left = conjunction();
    while (cursor.atWord("or")) {
      cursor.advance();
      Expr right = conjunction();
      left = new Expr.Logical("or", left, right, left.span().to(right.span()));
    }
    return left;
  }

  private Expr conjunction() {
    Expr left = negation();
    while (cursor.atWord("and")) {
      cursor.advance();
      Expr right = negation();
      left = new Expr.Logical("and", left, right, left.span().to(right.span()));
    }
    return left;
  }

  private Expr negation() {
    Token start = cursor.peek();
    if (cursor.acceptWord("not")) {
      Expr operand = negation();
      return new Expr.Not(operand, start.span().to(operand.span()));
    }
    Expr left = primary();
    Token op = cursor.peek();
    switch (op.kind()) {
      case EQ, NE, LT, LE, GT, GE -> {
        cursor.advance();
        Expr right = primary();
        return new Expr.Compare(left, op.kind(), right, left.span().to(right.span()));
      }
      case ASSIGN -> throw cursor.fail("`=` is not a comparison", "use `==` to compare");
      default -> {
        return left;
      }
    }
  }

  private Expr primary() {
    Token start = cursor.peek();
    if (cursor.accept(TokenKind.LPAREN)) {
      Expr inner = expression();
      cursor.expect(TokenKind.RPAREN, "to close `(`");
      return new Expr.Group(inner, cursor.spanFrom(start));
    }
    if (start.is(TokenKind.IDENT) && !List.of("true", "false", "null").contains(start.text())) {
      return new Expr.Name(new PolicyParser(cursor, syntax).qualifiedName("a name"));
    }
    return new Expr.Constant(syntax.literal("in the expression"));
  }
}
