package dev.ben.contracts.lang;

import java.util.ArrayList;
import java.util.List;

/** Parses predicate expressions: field tests and {@code all/any/not} compositions. */
final class PredicateParser {
  private static final List<String> COMPOSERS = List.of("all", "any", "not");

  private final TokenCursor cursor;
  private final Syntax syntax;

  PredicateParser(TokenCursor cursor, Syntax syntax) {
    this.cursor = cursor;
    this.syntax = syntax;
  }

  Pred predicate() {
    Token start = cursor.peek();
    if (start.is(TokenKind.IDENT)
        && COMPOSERS.contains(start.text())
        && cursor.peek(1).is(TokenKind.LPAREN)) {
      cursor.advance();
      cursor.advance();
      List<Pred> args = new ArrayList<>();
      while (!cursor.at(TokenKind.RPAREN) && !cursor.atEnd()) {
        args.add(predicate());
        if (!cursor.accept(TokenKind.COMMA)) {
          break;
        }
      }
      cursor.expect(TokenKind.RPAREN, "to close `" + start.text() + "(`");
      return new Pred.Compose(new Ident(start.text(), start.span()), args, cursor.spanFrom(start));
    }
    Ident field = cursor.ident("a field, a predicate, or all(..)/any(..)/not(..)");
    return test(start, field);
  }

  private Pred test(Token start, Ident field) {
    Token op = cursor.peek();
    switch (op.kind()) {
      case EQ, NE, LT, LE, GT, GE -> {
        cursor.advance();
        return new Pred.Compare(
            field, op.kind(), syntax.literal("to compare with"), cursor.spanFrom(start));
      }
      case TILDE -> {
        cursor.advance();
        Ident list = cursor.ident("the list to match against");
        cursor.expectWord("within", "after the list (`~ LIST within N`)");
        return new Pred.Fuzzy(
            field, list, syntax.number("for the edit distance"), cursor.spanFrom(start));
      }
      case PERCENT -> {
        cursor.advance();
        Literal.Num modulus = syntax.number("for the modulus");
        Token eq = cursor.peek();
        if (!eq.is(TokenKind.EQ) && !eq.is(TokenKind.NE)) {
          throw cursor.missing("expected `==` or `!=` after the modulus, found " + eq.describe());
        }
        cursor.advance();
        return new Pred.Modulo(
            field, modulus, eq.kind(), syntax.number("for the remainder"), cursor.spanFrom(start));
      }
      case ASSIGN -> throw cursor.fail("`=` is not a comparison", "use `==` to compare");
      case IDENT -> {
        return wordTest(start, field, op);
      }
      default -> {
        return sameLineValue(op) ? missingOperator(field) : new Pred.Ref(field);
      }
    }
  }

  private Pred wordTest(Token start, Ident field, Token op) {
    switch (op.text()) {
      case "between" -> {
        cursor.advance();
        Literal low = syntax.literal("for the lower bound");
        cursor.expectWord("and", "between the bounds (`between 1 and 5`)");
        return new Pred.Between(
            field, low, syntax.literal("for the upper bound"), cursor.spanFrom(start));
      }
      case "in" -> {
        cursor.advance();
        return in(start, field);
      }
      case "starts_with", "contains", "matches" -> {
        cursor.advance();
        Literal.Str value = syntax.string("after `" + op.text() + "`");
        return new Pred.Text(field, new Ident(op.text(), op.span()), value, cursor.spanFrom(start));
      }
      default -> {
        return op.newlinesBefore() == 0 && !op.isWord("priority")
            ? missingOperator(field)
            : new Pred.Ref(field);
      }
    }
  }

  private Pred in(Token start, Ident field) {
    if (cursor.at(TokenKind.LBRACKET)) {
      return new Pred.InValues(field, syntax.literalList("list of values"), cursor.spanFrom(start));
    }
    if (cursor.atWord("cidr") && cursor.peek(1).is(TokenKind.LPAREN)) {
      cursor.advance();
      cursor.advance();
      List<Literal.Str> blocks = new ArrayList<>();
      do {
        blocks.add(syntax.string("with a network such as \"10.0.0.0/8\""));
      } while (cursor.accept(TokenKind.COMMA));
      cursor.expect(TokenKind.RPAREN, "to close `cidr(`");
      return new Pred.InCidr(field, blocks, cursor.spanFrom(start));
    }
    return new Pred.InList(
        field,
        cursor.ident("a list name, `[values]` or `cidr(\"..\")` after `in`"),
        cursor.spanFrom(start));
  }

  private static boolean sameLineValue(Token token) {
    return token.newlinesBefore() == 0
        && switch (token.kind()) {
          case INT, FLOAT, STRING, DURATION -> true;
          default -> false;
        };
  }

  private Pred missingOperator(Ident field) {
    throw cursor.missing(
        "expected an operator after `" + field.name() + "`, found " + cursor.peek().describe(),
        "operators: == != < <= > >= between in starts_with contains matches ~ %");
  }
}
