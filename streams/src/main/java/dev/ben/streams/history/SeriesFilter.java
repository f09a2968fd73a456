package dev.ben.streams.history;

import java.util.Set;

/**
 * Which series a reader wants: each name is a whole series ({@code name{labels}}) or a family (the
 * name before the labels); no names at all means every series.
 */
public record SeriesFilter(Set<String> names) {

  public static final SeriesFilter ALL = new SeriesFilter(Set.of());

  public SeriesFilter {
    names = Set.copyOf(names);
  }

  public boolean matches(String key) {
    if (names.isEmpty() || names.contains(key)) {
      return true;
    }
    int labels = key.indexOf('{');
    return labels > 0 && names.contains(key.substring(0, labels));
  }
}
