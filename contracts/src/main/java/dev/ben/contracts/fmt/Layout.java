package dev.ben.contracts.fmt;

import dev.ben.contracts.lang.Comment;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the formatted text line by line. Each line is anchored at the source offset of the
 * construct it prints; comments that came before that offset in the source are emitted first (on
 * their own line, or appended to the previous line when they trailed code), and a blank line the
 * author left before a construct is kept.
 */
final class Layout {
  private static final String INDENT = "  ";

  private final String source;
  private final List<Comment> comments;
  private final List<String> lines = new ArrayList<>();
  private int nextComment;
  private int depth;

  /**
   * One aligned row: its anchor and its cells (all but the last are padded to the column width).
   */
  record Row(int anchor, List<String> cells) {}

  Layout(String source, List<Comment> comments) {
    this.source = source;
    this.comments = comments;
  }

  /**
   * The offset of the last occurrence of {@code keyword} before {@code offset}: the keyword that
   * introduces an item whose first value starts at {@code offset}, so comments before the keyword
   * stay before the item.
   */
  int keywordBefore(String keyword, int offset) {
    int at = source.lastIndexOf(keyword, offset);
    return at < 0 ? offset : at;
  }

  void indent() {
    depth++;
  }

  void outdent() {
    depth--;
  }

  /**
   * Separates the construct at {@code anchor} from the previous one with a blank line, after first
   * attaching any comment that trailed the previous line.
   */
  void separate(int anchor) {
    while (nextComment < comments.size()
        && comments.get(nextComment).span().start() < anchor
        && !comments.get(nextComment).ownLine()
        && !lines.isEmpty()) {
      int last = lines.size() - 1;
      lines.set(last, lines.get(last) + "  " + comments.get(nextComment++).text());
    }
    blank();
  }

  /** A blank line (never two in a row, never right after an opening brace or at the start). */
  private void blank() {
    if (!lines.isEmpty()
        && !lines.get(lines.size() - 1).isEmpty()
        && !lines.get(lines.size() - 1).endsWith("{")) {
      lines.add("");
    }
  }

  void line(int anchor, String text) {
    flushComments(anchor);
    if (blankLineBefore(anchor)) {
      blank();
    }
    lines.add(INDENT.repeat(depth) + text);
  }

  /** Rows whose columns are aligned with each other. */
  void rows(List<Row> rows) {
    int columns = 0;
    for (Row row : rows) {
      columns = Math.max(columns, row.cells().size());
    }
    int[] widths = new int[columns];
    for (Row row : rows) {
      for (int i = 0; i < row.cells().size(); i++) {
        widths[i] = Math.max(widths[i], row.cells().get(i).length());
      }
    }
    for (Row row : rows) {
      StringBuilder text = new StringBuilder();
      List<String> cells = row.cells();
      for (int i = 0; i < cells.size(); i++) {
        String cell = cells.get(i);
        text.append(cell);
        if (i < cells.size() - 1) {
          text.append(" ".repeat(widths[i] - cell.length() + 1));
        }
      }
      line(row.anchor(), text.toString());
    }
  }

  private void flushComments(int anchor) {
    while (nextComment < comments.size() && comments.get(nextComment).span().start() < anchor) {
      Comment comment = comments.get(nextComment++);
      if (comment.ownLine() || lines.isEmpty()) {
        if (blankLineBefore(comment.span().start())) {
          blank();
        }
        lines.add(INDENT.repeat(depth) + comment.text());
      } else {
        int last = lines.size() - 1;
        lines.set(last, lines.get(last) + "  " + comment.text());
      }
    }
  }

  /** Whether only whitespace with at least two line breaks precedes the offset. */
  private boolean blankLineBefore(int offset) {
    int newlines = 0;
    for (int i = Math.min(offset, source.length()) - 1; i >= 0; i--) {
      char c = source.charAt(i);
      if (c == '\n') {
        newlines++;
      } else if (c != ' ' && c != '\t' && c != '\r') {
        break;
      }
    }
    return newlines >= 2;
  }

  String finish() {
    flushComments(Integer.MAX_VALUE);
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
  }
}
