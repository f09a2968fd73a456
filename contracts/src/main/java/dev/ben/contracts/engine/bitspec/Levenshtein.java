package dev.ben.contracts.engine.bitspec;

/** Edit distance over code points that gives up as soon as every path exceeds the bound. */
public final class Levenshtein {

  private Levenshtein() {}

  /**
   * The distance between {@code a[0..aLength)} and {@code b}, or {@code max + 1} once it is certain
   * to exceed {@code max}. The rows must hold at least {@code b.length + 1} entries.
   */
  public static int bounded(int[] a, int aLength, int[] b, int max, int[] previous, int[] current) {
    int bLength = b.length;
    if (Math.abs(aLength - bLength) > max) {
      return max + 1;
    }
    for (int j = 0; j <= bLength; j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= aLength; i++) {
      current[0] = i;
      int rowMinimum = i;
      int ai = a[i - 1];
      for (int j = 1; j <= bLength; j++) {
        int substitution = previous[j - 1] + (ai == b[j - 1] ? 0 : 1);
        int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), substitution);
        current[j] = value;
        rowMinimum = Math.min(rowMinimum, value);
      }
      if (rowMinimum > max) {
        return max + 1;
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return Math.min(previous[bLength], max + 1);
  }

  /**
   * Convenience for tests and off-hot-path callers: the bounded distance of two strings,
   * case-sensitive.
   */
  public static int bounded(String a, String b, int max) {
    int[] left = a.codePoints().toArray();
    int[] right = b.codePoints().toArray();
    return bounded(
        left, left.length, right, max, new int[right.length + 1], new int[right.length + 1]);
  }
}
