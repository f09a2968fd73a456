package dev.ben.contracts.lang;

import dev.ben.contracts.diag.Span;

/** One lexical token. For STRING the text is the unescaped value; for the rest, the source text. */
public record Token(Kind kind, String text, Span span) {

  /** Token kinds; keywords are IDENTs recognised by the parser in context. */
  public enum Kind { IDENT, INT, FLOAT, DURATION, STRING, SYMBOL, EOF }

  public boolean is(String symbolOrWord) {
    return (kind == Kind.SYMBOL || kind == Kind.IDENT) && text.equals(symbolOrWord);
  }

  /** How the token is named in "expected X, found Y" messages. */
  public String describe() {
    return switch (kind) {
      case EOF -> "end of file";
      case STRING -> "string \"" + text + "\"";
      case IDENT -> "`" + text + "`";
      default -> "`" + span.text() + "`";
    };
  }
}
