package dev.ben.benctl.fmt;

import java.util.ArrayList;
import java.util.List;

/**
 * The shortest line edit script between two texts, from a longest common subsequence. Common
 * leading and trailing lines are matched first, so the quadratic table only covers the changed
 * middle; a middle too large for it becomes one block of deletions then insertions, which is still
 * a correct diff.
 */
final class LineEdits {

  /** Largest LCS table (cells) built, about 16 MB; contract files are far smaller. */
  static final long MAX_CELLS = 4_000_000L;

  /**
   * One line of the script: {@code ' '} kept, {@code '-'} deleted, {@code '+'} inserted. {@code
   * before} and {@code after} are the 0-based positions in each text where this line sits (or would
   * be inserted).
   */
  record Edit(char kind, String line, int before, int after) {}

  private LineEdits() {}

  static List<Edit> between(List<String> a, List<String> b) {
    int prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < a.size() - prefix
        && suffix < b.size() - prefix
        && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
      suffix++;
    }
    List<Edit> edits = new ArrayList<>();
    for (int i = 0; i < prefix; i++) {
      edits.add(new Edit(' ', a.get(i), i, i));
    }
    List<String> midA = a.subList(prefix, a.size() - suffix);
    List<String> midB = b.subList(prefix, b.size() - suffix);
    if ((long) midA.size() * midB.size() <= MAX_CELLS) {
      middle(midA, midB, prefix, edits);
    } else {
      for (int i = 0; i < midA.size(); i++) {
        edits.add(new Edit('-', midA.get(i), prefix + i, prefix));
      }
      for (int j = 0; j < midB.size(); j++) {
        edits.add(new Edit('+', midB.get(j), prefix + midA.size(), prefix + j));
      }
    }
    for (int s = suffix; s > 0; s--) {
      edits.add(new Edit(' ', a.get(a.size() - s), a.size() - s, b.size() - s));
    }
    return edits;
  }

  /**
   * LCS by dynamic programming over suffixes, then a forward walk that prefers deletions before
   * insertions.
   */
  private static void middle(List<String> a, List<String> b, int offset, List<Edit> edits) {
    int n = a.size();
    int m = b.size();
    int[][] common = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        common[i][j] =
            a.get(i).equals(b.get(j))
                ? common[i + 1][j + 1] + 1
                : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(i).equals(b.get(j))) {
        edits.add(new Edit(' ', a.get(i), offset + i, offset + j));
        i++;
        j++;
      } else if (j == m || (i < n && common[i + 1][j] >= common[i][j + 1])) {
        edits.add(new Edit('-', a.get(i), offset + i, offset + j));
        i++;
      } else {
        edits.add(new Edit('+', b.get(j), offset + i, offset + j));
        j++;
      }
    }
  }
}
