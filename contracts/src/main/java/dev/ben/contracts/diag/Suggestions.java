package dev.ben.contracts.diag;

import java.util.Optional;

/** Edit-distance suggestions for misspelt names ("did you mean `attempts`?"). */
public final class Suggestions {

  private Suggestions() {}

  /**
   * The candidate nearest to {@code name} (optimal string alignment distance, case-insensitive), if
   * it is close enough to be a plausible typo; ties go to the alphabetically first candidate so
   * output is deterministic.
   */
  public static Optional<String> closest(String name, Iterable<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int limit = Math.max(1, Math.min(3, name.length() / 3));
    for (String candidate : candidates) {
      if (candidate.equals(name)) {
        continue;
      }
      int distance = distance(name.toLowerCase(), candidate.toLowerCase());
      boolean better =
          distance < bestDistance || (distance == bestDistance && candidate.compareTo(best) < 0);
      if (distance <= limit && better) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Levenshtein distance extended with adjacent transpositions. */
  public static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
