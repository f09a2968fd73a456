package dev.ben.contracts.lang;

import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.diag.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * The parser's position in the token list, with expectation helpers that report diagnostics and a
 * step guard: every look at a token counts, and a parse that looks far more often than the input
 * could justify stops with a diagnostic instead of looping.
 */
final class TokenCursor {
  private final List<Token> tokens;
  private final Diagnostics diagnostics;
  private final long stepLimit;
  private long steps;
  private int index;

  /** Thrown after a diagnostic was reported, to unwind to the nearest recovery point. */
  static final class ParseError extends RuntimeException {
    ParseError() {
      super(null, null, false, false);
    }
  }

  /** Thrown when the step guard trips; unwinds the whole parse. */
  static final class GiveUp extends RuntimeException {
    GiveUp() {
      super(null, null, false, false);
    }
  }

  TokenCursor(List<Token> tokens, Diagnostics diagnostics) {
    this.tokens = tokens;
    this.diagnostics = diagnostics;
    this.stepLimit = 10_000L + 200L * tokens.size();
  }

  Diagnostics diagnostics() {
    return diagnostics;
  }

  Token peek() {
    return peek(0);
  }

  Token peek(int ahead) {
    if (++steps > stepLimit) {
      throw new GiveUp();
    }
    return tokens.get(Math.min(index + ahead, tokens.size() - 1));
  }

  int position() {
    return index;
  }

  Token previous() {
    return tokens.get(Math.max(0, index - 1));
  }

  boolean atEnd() {
    return peek().is(TokenKind.EOF);
  }

  Token advance() {
    Token token = peek();
    if (!token.is(TokenKind.EOF)) {
      index++;
    }
    return token;
  }

  boolean at(TokenKind kind) {
    return peek().is(kind);
  }

  boolean atWord(String word) {
    return peek().isWord(word);
  }

  boolean accept(TokenKind kind) {
    if (at(kind)) {
      advance();
      return true;
    }
    return false;
  }

  boolean acceptWord(String word) {
    if (atWord(word)) {
      advance();
      return true;
    }
    return false;
  }

  Token expect(TokenKind kind, String context) {
    if (at(kind)) {
      return advance();
    }
    throw missing(
        "expected " + kind.description() + " " + context + ", found " + peek().describe());
  }

  void expectWord(String word, String context) {
    if (!acceptWord(word)) {
      throw missing("expected `" + word + "` " + context + ", found " + peek().describe());
    }
  }

  Ident ident(String what) {
    Token token = peek();
    if (token.is(TokenKind.IDENT)) {
      advance();
      return new Ident(token.text(), token.span());
    }
    throw missing("expected " + what + ", found " + token.describe());
  }

  /** Reports an error at the current token and returns the exception to throw. */
  ParseError fail(String message, String... hints) {
    if (!peek().is(TokenKind.INVALID)) {
      diagnostics.error(peek().span(), message, hints);
    }
    return new ParseError();
  }

  /**
   * Reports that something is missing before the current token. When that token starts a later line
   * the caret goes just after the previous token, where the missing text belongs.
   */
  ParseError missing(String message, String... hints) {
    Token found = peek();
    if (!found.is(TokenKind.INVALID)) {
      diagnostics.error(
          found.newlinesBefore() > 0 && index > 0 ? afterPrevious() : found.span(), message, hints);
    }
    return new ParseError();
  }

  /**
   * A zero-width span just after the previous token: when what was expected is missing at the end
   * of a line, the caret belongs there, not on whatever starts the next line.
   */
  private Span afterPrevious() {
    Span previous = previous().span();
    return new Span(previous.file(), previous.end(), previous.end());
  }

  /** Span from a start token to the last consumed token. */
  Span spanFrom(Token start) {
    Span end = index > 0 ? previous().span() : start.span();
    return end.start() >= start.span().start() ? start.span().to(end) : start.span();
  }

  /** Skips optional statement separators. */
  void separators() {
    while (at(TokenKind.SEMI) || at(TokenKind.COMMA)) {
      advance();
    }
  }

  /**
   * After an error inside a block: skips to the next token that can start an item of the block (a
   * word from {@code starters} at the start of a line, outside any nested brackets), to the block's
   * closing brace, or to a top-level keyword at the start of a line.
   */
  void recover(List<String> starters, int itemStart) {
    int depth = 0;
    boolean first = index == itemStart;
    while (!atEnd()) {
      Token token = peek();
      boolean lineStart = token.newlinesBefore() > 0;
      if (depth == 0 && !first) {
        if (token.is(TokenKind.RBRACE)) {
          return;
        }
        if (token.is(TokenKind.IDENT)
            && lineStart
            && (starters.contains(token.text()) || Parser.TOP_LEVEL.contains(token.text()))) {
          return;
        }
        if (starters == Parser.TOP_LEVEL && lineStart && token.span().column() == 1) {
          // Between declarations, anything unindented is most likely the next (perhaps misspelt)
          // declaration.
          return;
        }
      }
      first = false;
      switch (token.kind()) {
        case LBRACE, LBRACKET, LPAREN -> depth++;
        case RBRACE, RBRACKET, RPAREN -> depth = Math.max(0, depth - 1);
        default -> {}
      }
      advance();
    }
  }

  /** Parses {@code [a, b, c]} of identifiers. */
  List<Ident> identList(String what) {
    expect(TokenKind.LBRACKET, "to open the list of " + what);
    List<Ident> names = new ArrayList<>();
    while (!at(TokenKind.RBRACKET) && !atEnd()) {
      names.add(ident(what));
      if (!accept(TokenKind.COMMA)) {
        break;
      }
    }
    expect(TokenKind.RBRACKET, "to close the list of " + what);
    return names;
  }
}
