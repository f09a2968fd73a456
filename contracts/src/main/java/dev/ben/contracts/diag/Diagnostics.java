package dev.ben.contracts.diag;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects the diagnostics of one compilation; phases keep going after an error so a user sees them all. */
public final class Diagnostics {

  private final List<Diagnostic> all = new ArrayList<>();

  public void error(Span span, String message) {
    all.add(new Diagnostic(Diagnostic.Severity.ERROR, span, message, Optional.empty()));
  }

  public void error(Span span, String message, String hint) {
    all.add(new Diagnostic(Diagnostic.Severity.ERROR, span, message, Optional.ofNullable(hint)));
  }

  public void warning(Span span, String message, String hint) {
    all.add(new Diagnostic(Diagnostic.Severity.WARNING, span, message, Optional.ofNullable(hint)));
  }

  public void add(Diagnostic diagnostic) {
    all.add(diagnostic);
  }

  public boolean hasErrors() {
    return all.stream().anyMatch(Diagnostic::isError);
  }

  /** All findings in reading order. */
  public List<Diagnostic> sorted() {
    List<Diagnostic> out = new ArrayList<>(all);
    out.sort(Diagnostic.READING_ORDER);
    return out;
  }
}
