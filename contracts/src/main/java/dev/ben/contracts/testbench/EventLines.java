package dev.ben.contracts.testbench;

import java.util.ArrayList;
import java.util.List;

/**
 * The events of NDJSON text worth running: every non-blank line, numbered from 1 as in the text so
 * that an outcome names the line a person sees in their editor.
 */
public final class EventLines {

  /** An input line worth running: its 1-based number in the text and its content. */
  public record Line(int number, String text) {}

  private EventLines() {}

  /** The non-blank lines of a file's lines, each with its number. */
  public static List<Line> of(List<String> lines) {
    List<Line> events = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        events.add(new Line(i + 1, lines.get(i)));
      }
    }
    return events;
  }

  /** The non-blank lines of NDJSON text ({@code \n} or {@code \r\n} separated). */
  public static List<Line> of(String text) {
    return of(text.lines().toList());
  }
}
