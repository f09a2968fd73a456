package dev.ben.contracts.diag;

import java.util.Comparator;
import java.util.List;

/** One finding about the user's sources: what is wrong, where, and optionally how to fix it. */
public record Diagnostic(Severity severity, Span span, String message, List<String> hints) {

  /** File, then position, then message: the order users read diagnostics in. */
  public static final Comparator<Diagnostic> SOURCE_ORDER =
      Comparator.comparing((Diagnostic d) -> d.span().file().path())
          .thenComparingInt(d -> d.span().start())
          .thenComparingInt(d -> d.span().end())
          .thenComparing(Diagnostic::message);

  public Diagnostic {
    hints = List.copyOf(hints);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  public int line() {
    return span.line();
  }

  public int column() {
    return span.column();
  }

  /** The one-line header, e.g. {@code auth.ben:12:28: error: unknown field `atempts`}. */
  public String header() {
    return span + ": " + severity.label() + ": " + message;
  }

  @Override
  public String toString() {
    return DiagnosticRenderer.render(this);
  }
}
