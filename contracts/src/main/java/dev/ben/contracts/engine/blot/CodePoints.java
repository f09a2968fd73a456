package dev.ben.contracts.engine.blot;

/** Masking and truncation by Unicode code point, never by byte or UTF-16 unit. */
public final class CodePoints {

  public static final int MASK = '*';

  private CodePoints() {}

  public static String maskAll(String text) {
    return maskOutside(text, 0, 0);
  }

  /** Keeps the first {@code keep} code points. */
  public static String maskPrefix(String text, int keep) {
    return maskOutside(text, keep, 0);
  }

  /** Keeps the last {@code keep} code points. */
  public static String maskSuffix(String text, int keep) {
    return maskOutside(text, 0, keep);
  }

  public static String truncate(String text, int length) {
    int count = text.codePointCount(0, text.length());
    return count <= length ? text : text.substring(0, text.offsetByCodePoints(0, length));
  }

  private static String maskOutside(String text, int keepFirst, int keepLast) {
    int count = text.codePointCount(0, text.length());
    var masked = new StringBuilder(text.length());
    int index = 0;
    for (int offset = 0; offset < text.length(); index++) {
      int codePoint = text.codePointAt(offset);
      boolean keep = index < keepFirst || index >= count - keepLast;
      masked.appendCodePoint(keep ? codePoint : MASK);
      offset += Character.charCount(codePoint);
    }
    return masked.toString();
  }
}
