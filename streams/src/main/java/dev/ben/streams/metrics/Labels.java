package dev.ben.streams.metrics;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** An immutable, ordered label set of a metric series. */
public final class Labels implements Comparable<Labels> {

  public static final Labels NONE = new Labels(new TreeMap<>());

  private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private final SortedMap<String, String> pairs;
  private final String rendered;

  private Labels(SortedMap<String, String> pairs) {
    this.pairs = pairs;
    this.rendered = render(pairs);
  }

  /**
   * Builds labels from alternating names and values: {@code Labels.of("stage", "spine", "pipeline",
   * "auth")}.
   */
  public static Labels of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("labels come in name/value pairs");
    }
    SortedMap<String, String> pairs = new TreeMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      String name = namesAndValues[i];
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("invalid label name " + name);
      }
      pairs.put(name, Objects.requireNonNull(namesAndValues[i + 1], name));
    }
    return new Labels(pairs);
  }

  public Map<String, String> asMap() {
    return java.util.Collections.unmodifiableMap(pairs);
  }

  /** The label names in order (sorted), as a family declares them. */
  public List<String> names() {
    return List.copyOf(pairs.keySet());
  }

  /** The label values in the order of {@link #names()}. */
  String[] values() {
    return pairs.values().toArray(String[]::new);
  }

  private static String render(SortedMap<String, String> pairs) {
    if (pairs.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("{");
    pairs.forEach(
        (name, value) -> {
          if (out.length() > 1) {
            out.append(',');
          }
          out.append(name)
              .append("=\"")
              .append(value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"))
              .append('"');
        });
    return out.append('}').toString();
  }

  @Override
  public int compareTo(Labels other) {
    return rendered.compareTo(other.rendered);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Labels other && rendered.equals(other.rendered);
  }

  @Override
  public int hashCode() {
    return rendered.hashCode();
  }

  @Override
  public String toString() {
    return rendered;
  }
}
