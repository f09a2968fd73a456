package dev.ben.contracts.lang;

import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.diag.SourceFile;
import dev.ben.contracts.diag.Span;
import java.util.ArrayList;
import java.util.List;

/** Turns a source file into tokens, reporting (and skipping) characters that cannot start a token. */
public final class Lexer {

  private static final String[] SYMBOLS = {"==", "!=", "<=", ">=", "=>", "{", "}", "[", "]", "(", ")", ",", ":", ";",
      "=", "<", ">", "?", "@", ".", "~", "%"};

  private final SourceFile file;
  private final String text;
  private final Diagnostics diagnostics;
  private int pos;

  public Lexer(SourceFile file, Diagnostics diagnostics) {
    this.file = file;
    this.text = file.text();
    this.diagnostics = diagnostics;
  }

  public List<Token> tokens() {
    List<Token> tokens = new ArrayList<>();
    while (true) {
      skipTrivia();
      if (pos >= text.length()) {
        tokens.add(new Token(Token.Kind.EOF, "", new Span(file, text.length(), text.length())));
        return tokens;
      }
      Token token = next();
      if (token != null) {
        tokens.add(token);
      }
    }
  }

  private Token next() {
    int start = pos;
    char c = text.charAt(pos);
    if (Character.isLetter(c) || c == '_') {
      while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
        pos++;
      }
      return token(Token.Kind.IDENT, start);
    }
    if (Character.isDigit(c) || (c == '-' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
      return number(start);
    }
    if (c == '"') {
      return string(start);
    }
    for (String symbol : SYMBOLS) {
      if (text.startsWith(symbol, pos)) {
        pos += symbol.length();
        return token(Token.Kind.SYMBOL, start);
      }
    }
    int cp = text.codePointAt(pos);
    pos += Character.charCount(cp);
    diagnostics.error(new Span(file, start, pos), "unexpected character `" + new String(Character.toChars(cp)) + "`",
        "contracts use letters, digits, `_`, strings in double quotes and the symbols { } [ ] ( ) , : = < > ? @ . ~ %");
    return null;
  }

  private Token number(int start) {
    pos++;
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
      pos++;
    }
    boolean fraction = false;
    if (pos + 1 < text.length() && text.charAt(pos) == '.' && Character.isDigit(text.charAt(pos + 1))) {
      fraction = true;
      pos++;
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        pos++;
      }
    }
    int unitStart = pos;
    while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
      pos++;
    }
    String unit = text.substring(unitStart, pos);
    if (unit.isEmpty()) {
      return token(fraction ? Token.Kind.FLOAT : Token.Kind.INT, start);
    }
    if (!fraction && Durations.UNITS.contains(unit)) {
      return token(Token.Kind.DURATION, start);
    }
    diagnostics.error(new Span(file, start, pos), "`" + text.substring(start, pos) + "` is not a number or duration",
        "durations are whole numbers with a unit: 500ms, 30s, 5m, 1h, 1d");
    // The token keeps only its numeric part, so later phases never see the stray unit.
    return new Token(fraction ? Token.Kind.FLOAT : Token.Kind.INT, text.substring(start, unitStart),
        new Span(file, start, pos));
  }

  private Token string(int start) {
    pos++;
    StringBuilder value = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        return new Token(Token.Kind.STRING, value.toString(), new Span(file, start, pos));
      }
      if (c == '\n') {
        break;
      }
      if (c == '\\' && pos + 1 < text.length()) {
        char e = text.charAt(pos + 1);
        switch (e) {
          case 'n' -> value.append('\n');
          case 't' -> value.append('\t');
          case '"' -> value.append('"');
          case '\\' -> value.append('\\');
          default -> diagnostics.error(new Span(file, pos, pos + 2), "unknown escape `\\" + e + "` in a string",
              "use \\\", \\\\, \\n or \\t");
        }
        pos += 2;
        continue;
      }
      value.append(c);
      pos++;
    }
    diagnostics.error(new Span(file, start, pos), "unterminated string", "close it with `\"` on the same line");
    return new Token(Token.Kind.STRING, value.toString(), new Span(file, start, pos));
  }

  private void skipTrivia() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (text.startsWith("//", pos)) {
        while (pos < text.length() && text.charAt(pos) != '\n') {
          pos++;
        }
      } else if (text.startsWith("/*", pos)) {
        int end = text.indexOf("*/", pos + 2);
        if (end < 0) {
          diagnostics.error(new Span(file, pos, pos + 2), "unterminated comment", "close it with `*/`");
          pos = text.length();
        } else {
          pos = end + 2;
        }
      } else {
        return;
      }
    }
  }

  private Token token(Token.Kind kind, int start) {
    return new Token(kind, text.substring(start, pos), new Span(file, start, pos));
  }
}
