package dev.ben.contracts.diag;

/**
 * A half-open range {@code [start, end)} of characters in one source file. Every AST node and
 * diagnostic carries one, so errors can point at the exact text.
 */
public record Span(SourceFile file, int start, int end) {

  public Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span " + start + ".." + end);
    }
  }

  /** The smallest span covering both (they must be in the same file). */
  public Span to(Span other) {
    return new Span(file, Math.min(start, other.start), Math.max(end, other.end));
  }

  public int line() {
    return file.lineOf(start);
  }

  public int column() {
    return file.columnOf(start);
  }

  public String text() {
    return file.text().substring(Math.min(start, file.length()), Math.min(end, file.length()));
  }

  @Override
  public String toString() {
    return file.path() + ":" + line() + ":" + column();
  }
}
