package dev.ben.contracts.engine.bitspec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reusable per-evaluator buffers: one matcher per regex predicate and the rows of the bounded edit
 * distance.
 */
final class Scratch {

  final Matcher[] matchers;
  int[] codePoints;
  int[] previousRow;
  int[] currentRow;

  Scratch(Pattern[] patterns, int longestListEntry) {
    matchers = new Matcher[patterns.length];
    for (int i = 0; i < patterns.length; i++) {
      matchers[i] = patterns[i].matcher("");
    }
    codePoints = new int[64];
    previousRow = new int[longestListEntry + 1];
    currentRow = new int[longestListEntry + 1];
  }

  /** Lower-cased code points of {@code text} into {@link #codePoints}; returns their count. */
  int lowerCodePoints(String text) {
    int count = 0;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      if (count == codePoints.length) {
        codePoints = java.util.Arrays.copyOf(codePoints, count * 2);
      }
      codePoints[count++] = FuzzyText.lower(codePoint);
      i += Character.charCount(codePoint);
    }
    return count;
  }
}
