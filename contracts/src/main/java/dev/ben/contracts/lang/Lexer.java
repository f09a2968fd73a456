package dev.ben.contracts.lang;

import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.diag.SourceFile;
import dev.ben.contracts.diag.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns source text into tokens and comments. Bad characters, malformed numbers and unterminated
 * strings or comments are reported and skipped, so the parser always receives a token list ending
 * in {@link TokenKind#EOF}.
 */
public final class Lexer {
  private final SourceFile file;
  private final String text;
  private final Diagnostics diagnostics;
  private final List<Token> tokens = new ArrayList<>();
  private final List<Comment> comments = new ArrayList<>();
  private int pos;
  private int newlines;
  private boolean lineHasToken;

  private Lexer(SourceFile file, Diagnostics diagnostics) {
    this.file = file;
    this.text = file.text();
    this.diagnostics = diagnostics;
  }

  /** The lexed form of a file. */
  public record Result(List<Token> tokens, List<Comment> comments) {}

  public static Result lex(SourceFile file, Diagnostics diagnostics) {
    Lexer lexer = new Lexer(file, diagnostics);
    lexer.run();
    return new Result(List.copyOf(lexer.tokens), List.copyOf(lexer.comments));
  }

  private void run() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '\n') {
        newlines++;
        lineHasToken = false;
        pos++;
      } else if (Character.isWhitespace(c)) {
        pos++;
      } else if (c == '/' && peek(1) == '/') {
        lineComment();
      } else if (c == '/' && peek(1) == '*') {
        blockComment();
      } else if (c == '"') {
        string();
      } else if (isDigit(c)) {
        number();
      } else if (Character.isLetter(c) || c == '_') {
        word();
      } else {
        punctuation(c);
      }
    }
    add(TokenKind.EOF, "", pos, pos);
  }

  private char peek(int ahead) {
    int at = pos + ahead;
    return at < text.length() ? text.charAt(at) : '\0';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private void add(TokenKind kind, String value, int start, int end) {
    tokens.add(new Token(kind, value, new Span(file, start, end), newlines));
    newlines = 0;
    lineHasToken = true;
  }

  private void lineComment() {
    int start = pos;
    while (pos < text.length() && text.charAt(pos) != '\n') {
      pos++;
    }
    comments.add(
        new Comment(
            text.substring(start, pos).stripTrailing(), new Span(file, start, pos), !lineHasToken));
  }

  private void blockComment() {
    int start = pos;
    int close = text.indexOf("*/", pos + 2);
    boolean ownLine = !lineHasToken;
    if (close < 0) {
      diagnostics.error(
          new Span(file, start, start + 2), "unterminated block comment", "close it with `*/`");
      pos = text.length();
      return;
    }
    pos = close + 2;
    for (int i = start; i < pos; i++) {
      if (text.charAt(i) == '\n') {
        newlines++;
      }
    }
    comments.add(new Comment(text.substring(start, pos), new Span(file, start, pos), ownLine));
  }

  private void word() {
    int start = pos;
    while (pos < text.length() && isWordChar(text.charAt(pos))) {
      pos++;
    }
    add(TokenKind.IDENT, text.substring(start, pos), start, pos);
  }

  private void number() {
    int start = pos;
    boolean isFloat = false;
    digits();
    if (peek(0) == '.' && isDigit(peek(1))) {
      isFloat = true;
      pos++;
      digits();
    }
    if ((peek(0) == 'e' || peek(0) == 'E')
        && (isDigit(peek(1)) || (peek(1) == '-' && isDigit(peek(2))))) {
      isFloat = true;
      pos += 2;
      digits();
    }
    int numberEnd = pos;
    while (pos < text.length() && isWordChar(text.charAt(pos))) {
      pos++;
    }
    String suffix = text.substring(numberEnd, pos);
    String whole = text.substring(start, pos);
    if (suffix.isEmpty()) {
      add(isFloat ? TokenKind.FLOAT : TokenKind.INT, whole.replace("_", ""), start, pos);
    } else if (!isFloat && Durations.isUnit(suffix)) {
      add(TokenKind.DURATION, whole.replace("_", ""), start, pos);
    } else {
      diagnostics.error(
          new Span(file, start, pos),
          "malformed number `" + whole + "`",
          "durations are written like 500ms, 30s, 5m, 1h or 1d");
      add(TokenKind.INVALID, whole, start, pos);
    }
  }

  private void digits() {
    while (pos < text.length() && (isDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
      pos++;
    }
  }

  private void string() {
    int start = pos++;
    StringBuilder value = new StringBuilder();
    while (pos < text.length() && text.charAt(pos) != '"' && text.charAt(pos) != '\n') {
      char c = text.charAt(pos);
      if (c == '\\' && pos + 1 < text.length()) {
        value.append(escape(text.charAt(pos + 1), pos));
        pos += 2;
      } else {
        value.append(c);
        pos++;
      }
    }
    if (pos >= text.length() || text.charAt(pos) != '"') {
      diagnostics.error(
          new Span(file, start, pos), "unterminated string", "close it with `\"` on the same line");
    } else {
      pos++;
    }
    add(TokenKind.STRING, value.toString(), start, pos);
  }

  private String escape(char c, int at) {
    return switch (c) {
      case 'n' -> "\n";
      case 't' -> "\t";
      case 'r' -> "\r";
      case '"' -> "\"";
      case '\\' -> "\\";
      default -> {
        diagnostics.error(
            new Span(file, at, at + 2),
            "unknown escape `\\" + c + "` in string",
            "use \\\\ for a backslash (for example in regexes: \"\\\\d+\")");
        yield String.valueOf(c);
      }
    };
  }

  private void punctuation(char c) {
    int start = pos;
    TokenKind two = twoCharKind(c, peek(1));
    if (two != null) {
      pos += 2;
      add(two, text.substring(start, pos), start, pos);
      return;
    }
    TokenKind one = oneCharKind(c);
    int width = Character.charCount(text.codePointAt(pos));
    pos += width;
    if (one == null) {
      diagnostics.error(
          new Span(file, start, pos), "unexpected character `" + text.substring(start, pos) + "`");
      return;
    }
    add(one, text.substring(start, pos), start, pos);
  }

  private static TokenKind twoCharKind(char c, char next) {
    if (next == '=') {
      return switch (c) {
        case '=' -> TokenKind.EQ;
        case '!' -> TokenKind.NE;
        case '<' -> TokenKind.LE;
        case '>' -> TokenKind.GE;
        default -> null;
      };
    }
    return c == '=' && next == '>' ? TokenKind.ARROW : null;
  }

  private static TokenKind oneCharKind(char c) {
    return switch (c) {
      case '{' -> TokenKind.LBRACE;
      case '}' -> TokenKind.RBRACE;
      case '[' -> TokenKind.LBRACKET;
      case ']' -> TokenKind.RBRACKET;
      case '(' -> TokenKind.LPAREN;
      case ')' -> TokenKind.RPAREN;
      case ',' -> TokenKind.COMMA;
      case ';' -> TokenKind.SEMI;
      case ':' -> TokenKind.COLON;
      case '.' -> TokenKind.DOT;
      case '?' -> TokenKind.QUESTION;
      case '@' -> TokenKind.AT;
      case '=' -> TokenKind.ASSIGN;
      case '<' -> TokenKind.LT;
      case '>' -> TokenKind.GT;
      case '~' -> TokenKind.TILDE;
      case '%' -> TokenKind.PERCENT;
      case '-' -> TokenKind.MINUS;
      default -> null;
    };
  }
}
