package dev.ben.contracts.diag;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects diagnostics from every phase so that a user sees all problems at once, not only the
 * first. Not thread-safe: one instance per build.
 */
public final class Diagnostics {
  private final List<Diagnostic> all = new ArrayList<>();

  public void error(Span span, String message, String... hints) {
    add(new Diagnostic(Severity.ERROR, span, message, List.of(hints)));
  }

  public void warning(Span span, String message, String... hints) {
    add(new Diagnostic(Severity.WARNING, span, message, List.of(hints)));
  }

  /**
   * Reports at the given severity; used where a project setting decides between warning and error.
   */
  public void report(Severity severity, Span span, String message, String... hints) {
    add(new Diagnostic(severity, span, message, List.of(hints)));
  }

  public void add(Diagnostic diagnostic) {
    all.add(diagnostic);
  }

  public void addAll(Diagnostics other) {
    all.addAll(other.all);
  }

  public boolean hasErrors() {
    for (Diagnostic d : all) {
      if (d.isError()) {
        return true;
      }
    }
    return false;
  }

  public int errorCount() {
    int count = 0;
    for (Diagnostic d : all) {
      if (d.isError()) {
        count++;
      }
    }
    return count;
  }

  /** All diagnostics, sorted by file, line and column, without exact duplicates. */
  public List<Diagnostic> sorted() {
    List<Diagnostic> copy = new ArrayList<>(all.stream().distinct().toList());
    copy.sort(Diagnostic.SOURCE_ORDER);
    return List.copyOf(copy);
  }

  /** Every diagnostic rendered for a terminal, in source order. */
  public String render() {
    StringBuilder out = new StringBuilder();
    for (Diagnostic d : sorted()) {
      out.append(DiagnosticRenderer.render(d)).append('\n');
    }
    return out.toString();
  }
}
