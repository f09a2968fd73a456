package dev.ben.contracts.diag;

import java.util.Comparator;
import java.util.Optional;

/** One finding about a contract source, positioned by its span. */
public record Diagnostic(Severity severity, Span span, String message, Optional<String> hint) {

  /** Whether a finding stops a build. */
  public enum Severity { ERROR, WARNING }

  /** File, then line, then column: the order a person reads them in. */
  public static final Comparator<Diagnostic> READING_ORDER = Comparator
      .comparing((Diagnostic d) -> d.span().file().name())
      .thenComparingInt(d -> d.span().start())
      .thenComparing(Diagnostic::message);

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code file:line:col: error: message}, the first line of the rendering, handy in tests. */
  public String headline() {
    return span.file().name() + ":" + span.line() + ":" + span.column() + ": "
        + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
  }
}
