package dev.ben.contracts.lang;

import dev.ben.contracts.diag.Span;

/**
 * One token. {@code text} is the source text, except for strings where it is the decoded value.
 * {@code newlineBefore} records layout so the formatter can keep blank lines the author chose.
 */
public record Token(TokenKind kind, String text, Span span, int newlinesBefore) {

  public boolean is(TokenKind other) {
    return kind == other;
  }

  /** True for an identifier spelling the given contextual keyword. */
  public boolean isWord(String word) {
    return kind == TokenKind.IDENT && text.equals(word);
  }

  /** How the token is quoted in "found ..." parts of diagnostics. */
  public String describe() {
    return switch (kind) {
      case EOF -> "end of file";
      case STRING -> "string \"" + text + "\"";
      case IDENT, INT, FLOAT, DURATION -> "`" + text + "`";
      default -> kind.description();
    };
  }
}
