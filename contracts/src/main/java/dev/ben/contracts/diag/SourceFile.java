package dev.ben.contracts.diag;

import java.util.Arrays;

/**
 * One text file of a project, addressed by its path relative to the project root. Line starts are
 * indexed once so that every diagnostic can be positioned in O(log n).
 */
public final class SourceFile {
  private final String path;
  private final String text;
  private final int[] lineStarts;

  public SourceFile(String path, String text) {
    this.path = path;
    this.text = text;
    this.lineStarts = indexLines(text);
  }

  private static int[] indexLines(String text) {
    int[] starts = new int[16];
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, count);
  }

  public String path() {
    return path;
  }

  public String text() {
    return text;
  }

  public int length() {
    return text.length();
  }

  public int lineCount() {
    return lineStarts.length;
  }

  /** 1-based line containing the offset (offsets past the end belong to the last line). */
  public int lineOf(int offset) {
    int clamped = Math.max(0, Math.min(offset, text.length()));
    int index = Arrays.binarySearch(lineStarts, clamped);
    return index >= 0 ? index + 1 : -index - 1;
  }

  /** 1-based column counted in code points, so that multi-byte characters count once. */
  public int columnOf(int offset) {
    int clamped = Math.max(0, Math.min(offset, text.length()));
    int start = lineStarts[lineOf(clamped) - 1];
    return text.codePointCount(start, clamped) + 1;
  }

  /** Offset of the first character of a 1-based line. */
  public int lineStart(int line) {
    return lineStarts[line - 1];
  }

  /** The text of a 1-based line without its line terminator. */
  public String lineText(int line) {
    int start = lineStarts[line - 1];
    int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
    if (end > start && text.charAt(end - 1) == '\r') {
      end--;
    }
    return text.substring(start, Math.max(start, end));
  }

  @Override
  public String toString() {
    return path;
  }
}
