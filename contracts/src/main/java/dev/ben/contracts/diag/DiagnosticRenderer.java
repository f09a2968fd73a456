package dev.ben.contracts.diag;

/**
 * Renders a diagnostic the way compilers people like do:
 * <pre>
 * auth.ben:12:28: error: unknown field `atempts` in schema `login`
 *    12 |   predicate failed_burst = atempts > 5
 *       |                            ^^^^^^^
 *    = hint: did you mean `attempts`?
 * </pre>
 * The caret run covers the span on its first line (at least one caret), measured in code points.
 */
public final class DiagnosticRenderer {

  private DiagnosticRenderer() {}

  public static String render(Diagnostic d) {
    Span span = d.span();
    SourceFile file = span.file();
    int line = span.line();
    String lineText = file.lineText(line);
    String number = Integer.toString(line);
    String gutter = " ".repeat(number.length());
    int column = span.column();
    int lineEndColumn = lineText.codePointCount(0, lineText.length()) + 1;
    int endColumn = span.end() > span.start() && file.line(Math.max(span.start(), span.end() - 1)) == line
        ? file.column(span.end() - 1) + 1 : column + 1;
    int carets = Math.max(1, Math.min(endColumn, Math.max(lineEndColumn, column + 1)) - column);
    StringBuilder out = new StringBuilder(d.headline()).append('\n');
    out.append("   ").append(number).append(" | ").append(lineText.replace('\t', ' ')).append('\n');
    out.append("   ").append(gutter).append(" | ").append(" ".repeat(column - 1)).append("^".repeat(carets)).append('\n');
    d.hint().ifPresent(hint -> out.append("   ").append(gutter).append(" = hint: ").append(hint).append('\n'));
    return out.toString();
  }
}
