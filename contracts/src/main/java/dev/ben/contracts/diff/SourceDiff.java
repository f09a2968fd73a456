package dev.ben.contracts.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line-by-line difference of two versions' source files, matched by path: each file ADDED,
 * REMOVED, CHANGED or SAME, a changed one with unified-diff hunks (three lines of context) as
 * java-diff-utils computes them, sorted by path. ben_api's version diff and the ledger's answer to
 * {@code benctl diff} both come from here, so the page and the command show the same hunks.
 */
public final class SourceDiff {

  /** Lines of unchanged context around each change, as {@code diff -u} shows. */
  static final int CONTEXT = 3;

  private static final Pattern HUNK_HEADER =
      Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@");

  /** One line of a hunk: {@code op} is " " (context), "-" (only before) or "+" (only after). */
  public record Line(String op, String text) {}

  /** Lines are numbered from 1, as in {@code diff -u}. */
  public record Hunk(int fromLine, int fromCount, int toLine, int toCount, List<Line> lines) {

    public Hunk {
      lines = List.copyOf(lines);
    }
  }

  public record FileDiff(String path, String change, List<Hunk> hunks) {

    public FileDiff {
      hunks = List.copyOf(hunks);
    }
  }

  private SourceDiff() {}

  /** Files by path before and after; each text is the file's whole content. */
  public static List<FileDiff> between(Map<String, String> before, Map<String, String> after) {
    TreeSet<String> paths = new TreeSet<>(before.keySet());
    paths.addAll(after.keySet());
    List<FileDiff> files = new ArrayList<>();
    for (String path : paths) {
      String old = before.get(path);
      String now = after.get(path);
      String change =
          old == null ? "ADDED" : now == null ? "REMOVED" : old.equals(now) ? "SAME" : "CHANGED";
      List<Hunk> hunks = change.equals("SAME") ? List.of() : hunks(path, old, now);
      files.add(new FileDiff(path, change, hunks));
    }
    return files;
  }

  /**
   * The hunks turning {@code before} into {@code after} (either may be null: a file added or
   * removed); none when they are equal.
   */
  public static List<Hunk> hunks(String path, String before, String after) {
    return unified(path, lines(before), lines(after));
  }

  private static List<Hunk> unified(String path, List<String> old, List<String> now) {
    Patch<String> patch = DiffUtils.diff(old, now);
    List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(path, path, old, patch, CONTEXT);
    List<Hunk> hunks = new ArrayList<>();
    Matcher header = null;
    List<Line> lines = new ArrayList<>();
    // The first two lines name the files (--- and +++); every later line is a hunk header or
    // one line of the hunk, marked by its first character.
    for (String line : unified.subList(Math.min(2, unified.size()), unified.size())) {
      Matcher next = HUNK_HEADER.matcher(line);
      if (next.find()) {
        addHunk(hunks, header, lines);
        header = next;
        lines = new ArrayList<>();
      } else if (!line.isEmpty()) {
        lines.add(new Line(line.substring(0, 1), line.substring(1)));
      }
    }
    addHunk(hunks, header, lines);
    return hunks;
  }

  private static void addHunk(List<Hunk> hunks, Matcher header, List<Line> lines) {
    if (header != null) {
      hunks.add(
          new Hunk(
              Integer.parseInt(header.group(1)),
              count(header.group(2)),
              Integer.parseInt(header.group(3)),
              count(header.group(4)),
              lines));
    }
  }

  /** {@code @@ -5 +5 @@} means one line. */
  private static int count(String group) {
    return group == null ? 1 : Integer.parseInt(group);
  }

  private static List<String> lines(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    return List.of(text.split("\n", -1));
  }
}
