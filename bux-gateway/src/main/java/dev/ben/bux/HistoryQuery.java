package dev.ben.bux;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The parameters of {@code GET /api/v1/metrics/history}: {@code since} (epoch ms or an ISO-8601
 * instant; absent for everything held) and {@code series} (comma-separated series or family names;
 * absent for all), bounded so one request cannot make every node filter by a huge list.
 */
record HistoryQuery(long sinceMs, Set<String> series) {

  static final int MAX_SERIES_NAMES = 100;
  static final int MAX_SERIES_CHARS = 8192;

  /** A parameter the query cannot take; the message names it and what is allowed. */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message);
    }
  }

  HistoryQuery {
    series = Set.copyOf(series);
  }

  static HistoryQuery parse(Optional<String> since, Optional<String> series) throws Invalid {
    return new HistoryQuery(since.isEmpty() ? 0 : since(since.get()), series(series.orElse("")));
  }

  static long since(String value) throws Invalid {
    String trimmed = value.trim();
    if (trimmed.matches("\\d{1,18}")) {
      return Long.parseLong(trimmed);
    }
    try {
      return Instant.parse(trimmed).toEpochMilli();
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new Invalid(
          "since must be epoch milliseconds (such as 1764892800000) or an ISO-8601 instant (such"
              + " as 2025-12-05T00:00:00Z), got `"
              + value
              + "`");
    }
  }

  private static Set<String> series(String value) throws Invalid {
    if (value.length() > MAX_SERIES_CHARS) {
      throw new Invalid(
          "series is "
              + value.length()
              + " characters long; at most "
              + MAX_SERIES_CHARS
              + " are allowed (ask for families such as ben_stage_events_total instead)");
    }
    List<String> names =
        splitOutsideLabels(value).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    if (names.size() > MAX_SERIES_NAMES) {
      throw new Invalid(
          "series names "
              + names.size()
              + " series or families; at most "
              + MAX_SERIES_NAMES
              + " are allowed (ask for families such as ben_stage_events_total instead)");
    }
    return new LinkedHashSet<>(names);
  }

  /** Splits at commas, except those between a series' labels ({@code a{x="1",y="2"}}). */
  private static List<String> splitOutsideLabels(String value) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    boolean inLabels = false;
    boolean inQuotes = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (inQuotes && c == '\\' && i + 1 < value.length()) {
        part.append(c).append(value.charAt(++i));
        continue;
      }
      if (c == '"' && inLabels) {
        inQuotes = !inQuotes;
      } else if (!inQuotes && c == '{') {
        inLabels = true;
      } else if (!inQuotes && c == '}') {
        inLabels = false;
      } else if (!inLabels && c == ',') {
        parts.add(part.toString());
        part.setLength(0);
        continue;
      }
      part.append(c);
    }
    parts.add(part.toString());
    return parts;
  }
}
