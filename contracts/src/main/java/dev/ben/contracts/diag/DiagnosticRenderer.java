package dev.ben.contracts.diag;

/**
 * Renders a diagnostic the way compilers users already know do: a header, the source line with its
 * number, a caret run under the exact span, and hints.
 */
public final class DiagnosticRenderer {

  private DiagnosticRenderer() {}

  public static String render(Diagnostic diagnostic) {
    Span span = diagnostic.span();
    SourceFile file = span.file();
    int line = span.line();
    String lineText = file.lineText(line);
    String number = Integer.toString(line);
    String gutter = " ".repeat(Math.max(5, number.length() + 3));
    StringBuilder out = new StringBuilder(diagnostic.header()).append('\n');
    out.append(pad(number, gutter.length())).append(" | ").append(lineText).append('\n');
    out.append(gutter).append(" | ").append(caretLine(file, span, line, lineText)).append('\n');
    for (String hint : diagnostic.hints()) {
      out.append("   = hint: ").append(hint).append('\n');
    }
    return out.substring(0, out.length() - 1);
  }

  private static String pad(String number, int width) {
    return " ".repeat(Math.max(0, width - number.length())) + number;
  }

  /**
   * Spaces (tabs kept, so the caret lines up) up to the span, then one caret per code point of the
   * span.
   */
  private static String caretLine(SourceFile file, Span span, int line, String lineText) {
    int lineStart = file.lineStart(line);
    int from = Math.min(span.start() - lineStart, lineText.length());
    int to = Math.min(Math.max(span.end() - lineStart, from), lineText.length());
    StringBuilder carets = new StringBuilder();
    int i = 0;
    while (i < from) {
      int codePoint = lineText.codePointAt(i);
      carets.append(codePoint == '\t' ? '\t' : ' ');
      i += Character.charCount(codePoint);
    }
    carets.append("^".repeat(Math.max(1, lineText.codePointCount(from, to))));
    return carets.toString();
  }

  /** Suggests the closest candidate for a misspelt name as a ready-made hint, or none. */
  public static String[] didYouMean(String name, Iterable<String> candidates) {
    return Suggestions.closest(name, candidates)
        .map(best -> new String[] {"did you mean `" + best + "`?"})
        .orElse(new String[0]);
  }
}
