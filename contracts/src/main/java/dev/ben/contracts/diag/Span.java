package dev.ben.contracts.diag;

/** A range of characters in a source file: [start, end) offsets. */
public record Span(SourceFile file, int start, int end) {

  public Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span " + start + ".." + end);
    }
  }

  public int line() {
    return file.line(start);
  }

  public int column() {
    return file.column(start);
  }

  /** The smallest span covering both. */
  public Span to(Span other) {
    return new Span(file, Math.min(start, other.start), Math.max(end, other.end));
  }

  public String text() {
    return file.text().substring(start, Math.min(end, file.text().length()));
  }
}
