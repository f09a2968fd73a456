package dev.ben.contracts.lang;

import dev.ben.contracts.diag.DiagnosticRenderer;
import dev.ben.contracts.lang.TokenCursor.ParseError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Grammar pieces shared by every declaration: blocks, fields, types and literals. */
final class Syntax {
  private final TokenCursor cursor;

  Syntax(TokenCursor cursor) {
    this.cursor = cursor;
  }

  /**
   * Parses {@code { item* }}. Each item starts with a word: one of {@code starters} (any name when
   * empty); the word is consumed and handed to {@code item}. Errors inside an item are recovered at
   * the next item. With {@code unique}, a starter may appear only once.
   */
  void block(String context, List<String> starters, boolean unique, Consumer<Token> item) {
    Token open = cursor.expect(TokenKind.LBRACE, "to open " + context);
    Set<String> seen = new HashSet<>();
    while (true) {
      cursor.separators();
      Token next = cursor.peek();
      if (next.is(TokenKind.RBRACE) || next.is(TokenKind.EOF)) {
        break;
      }
      if (next.newlinesBefore() > 0
          && next.is(TokenKind.IDENT)
          && Parser.TOP_LEVEL.contains(next.text())
          && !starters.contains(next.text())
          // followed by `:` it is a field of that name (`event_type: string`), not a declaration
          && !cursor.peek(1).is(TokenKind.COLON)) {
        cursor
            .diagnostics()
            .error(
                next.span(), "expected `}` to close " + context + " before `" + next.text() + "`");
        return;
      }
      int start = cursor.position();
      try {
        blockItem(context, starters, unique, seen, item);
      } catch (ParseError error) {
        cursor.recover(starters, start);
      }
    }
    if (cursor.atEnd()) {
      throw cursor.missing(
          "expected `}` to close " + context + ", found end of file",
          "the `{` at " + open.span() + " is never closed");
    }
    cursor.expect(TokenKind.RBRACE, "to close " + context);
  }

  private void blockItem(
      String context,
      List<String> starters,
      boolean unique,
      Set<String> seen,
      Consumer<Token> item) {
    Token first = cursor.peek();
    if (!first.is(TokenKind.IDENT)) {
      throw cursor.fail(
          "expected "
              + (starters.isEmpty() ? "a name" : "one of " + quoted(starters))
              + " in "
              + context
              + ", found "
              + first.describe());
    }
    if (!starters.isEmpty() && !starters.contains(first.text())) {
      throw cursor.fail(
          "unknown item `"
              + first.text()
              + "` in "
              + context
              + "; expected one of "
              + quoted(starters),
          keywordHint(first, starters));
    }
    if (unique && !seen.add(first.text())) {
      throw cursor.fail("`" + first.text() + "` is given twice in " + context, "keep only one");
    }
    cursor.advance();
    item.accept(first);
  }

  static String quoted(List<String> words) {
    List<String> quoted = new ArrayList<>();
    for (String word : words) {
      quoted.add("`" + word + "`");
    }
    return String.join(", ", quoted);
  }

  static String[] keywordHint(Token token, List<String> words) {
    return token.is(TokenKind.IDENT)
        ? DiagnosticRenderer.didYouMean(token.text(), words)
        : new String[0];
  }

  /** {@code name: type [@pii]} where the name token was already consumed. */
  SchemaDecl.FieldDecl field(Token nameToken) {
    Ident name = new Ident(nameToken.text(), nameToken.span());
    cursor.expect(TokenKind.COLON, "after field name `" + name.name() + "`");
    TypeRef type = type();
    boolean pii = false;
    if (cursor.accept(TokenKind.AT)) {
      Token annotation = cursor.peek();
      if (!annotation.is(TokenKind.IDENT)) {
        throw cursor.fail("expected `pii` after `@`, found " + annotation.describe());
      }
      cursor.advance();
      pii = annotation.isWord("pii");
      if (!pii) {
        // Reported but not fatal: the field itself is fine, so keep it for the rest of the check.
        cursor
            .diagnostics()
            .error(
                annotation.span(),
                "unknown annotation `@" + annotation.text() + "`; the only annotation is `@pii`",
                Syntax.keywordHint(annotation, java.util.List.of("pii")));
      }
    }
    return new SchemaDecl.FieldDecl(name, type, pii, cursor.spanFrom(nameToken));
  }

  /** {@code T}, {@code T?}, {@code [T]}. */
  TypeRef type() {
    Token start = cursor.peek();
    TypeRef type;
    if (cursor.accept(TokenKind.LBRACKET)) {
      TypeRef element = type();
      cursor.expect(TokenKind.RBRACKET, "to close the array type");
      type = new TypeRef.Array(element, cursor.spanFrom(start));
    } else {
      type =
          new TypeRef.Named(cursor.ident("a type (string, i64, f64, bool, timestamp, ipv4, ...)"));
    }
    if (cursor.accept(TokenKind.QUESTION)) {
      type = new TypeRef.Optional(type, cursor.spanFrom(start));
      if (cursor.at(TokenKind.QUESTION)) {
        throw cursor.fail("a type can be made optional only once", "remove the extra `?`");
      }
    }
    return type;
  }

  Literal.Str string(String context) {
    Token token = cursor.expect(TokenKind.STRING, context);
    return new Literal.Str(token.text(), token.span());
  }

  Literal.Num number(String context) {
    Token next = cursor.peek();
    if (!next.is(TokenKind.INT) && !next.is(TokenKind.FLOAT) && !next.is(TokenKind.MINUS)) {
      throw cursor.missing("expected a number " + context + ", found " + next.describe());
    }
    Literal literal = literal(context);
    if (literal instanceof Literal.Num num) {
      return num;
    }
    cursor
        .diagnostics()
        .error(
            literal.span(), "expected a number " + context + ", found `" + literal.source() + "`");
    throw new ParseError();
  }

  Literal.Duration duration(String context) {
    Token token = cursor.peek();
    if (token.is(TokenKind.DURATION)) {
      cursor.advance();
      return new Literal.Duration(token.text(), token.span());
    }
    throw cursor.missing(
        "expected a duration " + context + ", found " + token.describe(),
        "durations are written like 500ms, 30s, 5m, 1h or 1d");
  }

  /**
   * Any constant: string, number (optionally negative), duration, true/false/null, or a bare word.
   */
  Literal literal(String context) {
    Token token = cursor.peek();
    switch (token.kind()) {
      case STRING -> {
        cursor.advance();
        return new Literal.Str(token.text(), token.span());
      }
      case INT, FLOAT -> {
        cursor.advance();
        return new Literal.Num(token.text(), token.is(TokenKind.FLOAT), token.span());
      }
      case DURATION -> {
        cursor.advance();
        return new Literal.Duration(token.text(), token.span());
      }
      case MINUS -> {
        cursor.advance();
        Token number = cursor.peek();
        if (!number.is(TokenKind.INT) && !number.is(TokenKind.FLOAT)) {
          throw cursor.missing("expected a number after `-`, found " + number.describe());
        }
        cursor.advance();
        return new Literal.Num(
            "-" + number.text(), number.is(TokenKind.FLOAT), token.span().to(number.span()));
      }
      case IDENT -> {
        if (token.newlinesBefore() > 0) {
          // A word starting the next line is the next statement, not a value the author forgot to
          // finish.
          throw cursor.missing("expected a value " + context + ", found " + token.describe());
        }
        cursor.advance();
        return switch (token.text()) {
          case "true", "false" -> new Literal.Bool(token.text().equals("true"), token.span());
          case "null" -> new Literal.Null(token.span());
          default -> new Literal.Word(token.text(), token.span());
        };
      }
      default ->
          throw cursor.missing("expected a value " + context + ", found " + token.describe());
    }
  }

  /** {@code [v1, v2, ...]}. */
  List<Literal> literalList(String what) {
    cursor.expect(TokenKind.LBRACKET, "to open the " + what);
    List<Literal> values = new ArrayList<>();
    while (!cursor.at(TokenKind.RBRACKET) && !cursor.atEnd()) {
      values.add(literal("in the " + what));
      if (!cursor.accept(TokenKind.COMMA)) {
        break;
      }
    }
    cursor.expect(TokenKind.RBRACKET, "to close the " + what);
    return values;
  }
}
