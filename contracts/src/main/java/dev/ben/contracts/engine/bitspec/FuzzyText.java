package dev.ben.contracts.engine.bitspec;

/**
 * How fuzzy list matching ({@code field ~ list within N}) sees text: code points, each lower-cased
 * on its own, compared by {@link Levenshtein}. The predicate and the screening service both read
 * names through here, so a name the service answers as matching is exactly one the predicate would.
 */
public final class FuzzyText {

  /** The largest edit distance a fuzzy predicate may ask for (the checker refuses more). */
  public static final int MAX_DISTANCE = 8;

  private FuzzyText() {}

  /** One code point as fuzzy matching compares it. */
  public static int lower(int codePoint) {
    return Character.toLowerCase(codePoint);
  }

  /** The code points of {@code text}, lower-cased one by one. */
  public static int[] lowered(String text) {
    return text.codePoints().map(FuzzyText::lower).toArray();
  }
}
