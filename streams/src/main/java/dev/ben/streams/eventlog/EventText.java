package dev.ben.streams.eventlog;

/**
 * Human text recorded in the log (entries, notes) is shown on terminals and web pages, so control
 * characters and line separators become spaces: one event, one line, nothing that moves a cursor.
 */
final class EventText {

  private EventText() {}

  static String oneLine(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c ->
                out.appendCodePoint(
                    Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c));
    return out.toString();
  }
}
