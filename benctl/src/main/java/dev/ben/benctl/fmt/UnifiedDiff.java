package dev.ben.benctl.fmt;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff in the unified format reviewers know from {@code git diff}: {@code ---/+++} headers,
 * then hunks of changed lines with three lines of context. Lines are compared with their
 * terminators, so a changed line ending or a missing final newline shows up (as {@code \ No newline
 * at end of file}) instead of an empty diff.
 */
final class UnifiedDiff {

  static final int CONTEXT = 3;
  private static final String NO_NEWLINE = "\\ No newline at end of file\n";

  private UnifiedDiff() {}

  /**
   * The diff from {@code before} to {@code after} labelled with {@code name}; empty when they are
   * equal.
   */
  static String of(String name, String before, String after) {
    if (before.equals(after)) {
      return "";
    }
    List<String> a = lines(before);
    List<String> b = lines(after);
    List<LineEdits.Edit> edits = LineEdits.between(a, b);
    var out =
        new StringBuilder("--- a/")
            .append(name)
            .append('\n')
            .append("+++ b/")
            .append(name)
            .append('\n');
    int i = 0;
    while (i < edits.size()) {
      if (edits.get(i).kind() == ' ') {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = hunkEnd(edits, i);
      appendHunk(out, edits.subList(start, end));
      i = end;
    }
    return out.toString();
  }

  /**
   * The end (exclusive) of the hunk holding the change at {@code first}: changes closer than 2x
   * context merge.
   */
  private static int hunkEnd(List<LineEdits.Edit> edits, int first) {
    int lastChange = first;
    for (int i = first; i < edits.size(); i++) {
      if (edits.get(i).kind() != ' ') {
        lastChange = i;
      } else if (i - lastChange > 2 * CONTEXT) {
        break;
      }
    }
    return Math.min(edits.size(), lastChange + CONTEXT + 1);
  }

  private static void appendHunk(StringBuilder out, List<LineEdits.Edit> hunk) {
    int beforeCount = 0;
    int afterCount = 0;
    for (LineEdits.Edit edit : hunk) {
      beforeCount += edit.kind() == '+' ? 0 : 1;
      afterCount += edit.kind() == '-' ? 0 : 1;
    }
    LineEdits.Edit first = hunk.get(0);
    out.append("@@ -")
        .append(range(first.before(), beforeCount))
        .append(" +")
        .append(range(first.after(), afterCount))
        .append(" @@\n");
    for (LineEdits.Edit edit : hunk) {
      String line = edit.line();
      boolean terminated = line.endsWith("\n");
      out.append(edit.kind()).append(terminated ? line : line + "\n");
      if (!terminated) {
        out.append(NO_NEWLINE);
      }
    }
  }

  /**
   * {@code start,count} with 1-based lines; an empty range names the line before it, as diff does.
   */
  private static String range(int zeroBasedStart, int count) {
    return (count == 0 ? zeroBasedStart : zeroBasedStart + 1) + "," + count;
  }

  /** The text's lines, each with its {@code \n} (the last one may have none). */
  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int newline = text.indexOf('\n', start);
      int end = newline < 0 ? text.length() : newline + 1;
      lines.add(text.substring(start, end));
      start = end;
    }
    return lines;
  }
}
