package dev.ben.bux;

import dev.ben.streams.metrics.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A history series' name read back into its family and labels: {@code family{a="1",b="2"}}, as
 * {@link Labels} renders them (values with {@code \\}, {@code \"} and {@code \n} escaped).
 */
record SeriesName(String family, Labels labels) {

  private static final Pattern NAME = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"(?:,|$)");

  /** The name's family and labels; empty for a name that is not one the history renders. */
  static Optional<SeriesName> parse(String name) {
    Matcher whole = NAME.matcher(name);
    if (!whole.matches()) {
      return Optional.empty();
    }
    String labels = whole.group(2) == null ? "" : whole.group(2);
    List<String> pairs = new ArrayList<>();
    Matcher label = LABEL.matcher(labels);
    for (int at = 0; at < labels.length(); at = label.end()) {
      label.region(at, labels.length());
      if (!label.lookingAt()) {
        return Optional.empty();
      }
      pairs.add(label.group(1));
      pairs.add(unescape(label.group(2)));
    }
    return Optional.of(new SeriesName(whole.group(1), Labels.of(pairs.toArray(String[]::new))));
  }

  private static String unescape(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        char escaped = value.charAt(++i);
        out.append(escaped == 'n' ? '\n' : escaped);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
