package dev.ben.contracts.lang;

import dev.ben.contracts.diag.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reading position over the tokens of one file, with the helpers every parser part uses. An unexpected token
 * records a diagnostic and throws {@link SyntaxError}; the top-level parser catches it and resumes at the next
 * declaration.
 */
class TokenCursor {

  /** Abandons the current declaration; the diagnostic is already recorded. */
  static final class SyntaxError extends RuntimeException {
    SyntaxError() {
      super(null, null, false, false);
    }
  }

  protected final List<Token> tokens;
  protected final Diagnostics diagnostics;
  protected int pos;

  TokenCursor(List<Token> tokens, Diagnostics diagnostics) {
    this.tokens = tokens;
    this.diagnostics = diagnostics;
  }

  Token peek() {
    return tokens.get(pos);
  }

  Token peek(int ahead) {
    return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
  }

  boolean at(String symbolOrWord) {
    return peek().is(symbolOrWord);
  }

  boolean atKind(Token.Kind kind) {
    return peek().kind() == kind;
  }

  Token advance() {
    Token token = peek();
    if (token.kind() != Token.Kind.EOF) {
      pos++;
    }
    return token;
  }

  boolean accept(String symbolOrWord) {
    if (at(symbolOrWord)) {
      advance();
      return true;
    }
    return false;
  }

  Token expect(String symbolOrWord, String context) {
    if (!at(symbolOrWord)) {
      throw fail("expected `" + symbolOrWord + "` " + context + ", found " + peek().describe(), null);
    }
    return advance();
  }

  Ast.Name name(String what) {
    if (!atKind(Token.Kind.IDENT)) {
      throw fail("expected " + what + ", found " + peek().describe(), null);
    }
    Token token = advance();
    return new Ast.Name(token.text(), token.span());
  }

  /** `[a, b, c]` (possibly empty). */
  List<Ast.Name> nameList(String what) {
    expect("[", "to open the list of " + what);
    List<Ast.Name> names = new ArrayList<>();
    while (!at("]")) {
      names.add(name(what));
      if (!accept(",")) {
        break;
      }
    }
    expect("]", "to close the list of " + what);
    return names;
  }

  /** `(a, b, c)` with at least one name. */
  List<Ast.Name> parenNames(String what) {
    expect("(", "before the " + what);
    List<Ast.Name> names = new ArrayList<>();
    do {
      names.add(name(what));
    } while (accept(","));
    expect(")", "after the " + what);
    return names;
  }

  Ast.Literal literal(String what) {
    Token t = peek();
    Ast.Literal.Kind kind = switch (t.kind()) {
      case STRING -> Ast.Literal.Kind.STRING;
      case INT -> Ast.Literal.Kind.INT;
      case FLOAT -> Ast.Literal.Kind.FLOAT;
      case DURATION -> Ast.Literal.Kind.DURATION;
      case IDENT -> t.text().equals("true") || t.text().equals("false") ? Ast.Literal.Kind.BOOL
          : t.text().equals("null") ? Ast.Literal.Kind.NULL : null;
      default -> null;
    };
    if (kind == null) {
      throw fail("expected " + what + ", found " + t.describe(), null);
    }
    advance();
    return new Ast.Literal(kind, t.text(), t.span());
  }

  Ast.Literal literalOfKind(Ast.Literal.Kind kind, String what) {
    Ast.Literal literal = literal(what);
    if (literal.kind() != kind) {
      diagnostics.error(literal.span(), "expected " + what + ", found `" + literal.span().text() + "`");
      throw new SyntaxError();
    }
    return literal;
  }

  /** A literal, or a bare word as a value (`overload shed_oldest`). */
  Ast.Literal value(String what) {
    if (atKind(Token.Kind.IDENT) && !at("true") && !at("false") && !at("null")) {
      Token t = advance();
      return new Ast.Literal(Ast.Literal.Kind.WORD, t.text(), t.span());
    }
    return literal(what);
  }

  /** `( literal )` as in sample(10) or mask_suffix(4). */
  Optional<Ast.Literal> parenLiteral(String what) {
    if (!accept("(")) {
      return Optional.empty();
    }
    Ast.Literal literal = value(what);
    expect(")", "after " + what);
    return Optional.of(literal);
  }

  SyntaxError fail(String message, String hint) {
    diagnostics.error(peek().span(), message, hint);
    return new SyntaxError();
  }
}
