package dev.ben.benctl.view;

import dev.ben.benctl.out.Table;

/**
 * Text laid out in blocks: an unindented heading per thing shown, its details indented by two
 * spaces, one blank line between blocks. Only ever appends, so sections render in the order they
 * are asked for.
 */
final class Report {

  private static final String INDENT = "  ";

  private final StringBuilder text = new StringBuilder();

  /** Starts a block with an unindented line, after a blank line unless it is the first. */
  Report heading(String line) {
    if (text.length() > 0) {
      text.append('\n');
    }
    text.append(line).append('\n');
    return this;
  }

  /** Starts a block that is one unindented table, for sections that are a single list of things. */
  Report block(Table table) {
    if (text.length() > 0) {
      text.append('\n');
    }
    text.append(table.render());
    return this;
  }

  /** The table's lines, indented under the current heading. */
  Report table(Table table) {
    return indented(table.render());
  }

  /** Every line of {@code block}, indented under the current heading. */
  Report indented(String block) {
    block.lines().forEach(line -> text.append(line.isEmpty() ? "" : INDENT + line).append('\n'));
    return this;
  }

  /** A blank line inside a block, between two of its parts. */
  Report gap() {
    text.append('\n');
    return this;
  }

  /** Text appended as it is, for content meant to be copied (DDL). */
  Report raw(String block) {
    text.append(block);
    if (!block.endsWith("\n")) {
      text.append('\n');
    }
    return this;
  }

  boolean isEmpty() {
    return text.length() == 0;
  }

  String render() {
    return text.toString();
  }
}
