package dev.ben.bux;

import dev.ben.streams.eventlog.query.EventQuery;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The query parameters of the event-log routes: {@code type} (comma-separated event types), {@code
 * pipeline}, {@code since} (epoch ms or an ISO-8601 instant), {@code from} (a position, as {@code
 * next_position} gave it) and {@code limit} (1 to {@value #MAX_LIMIT}, default {@value
 * #DEFAULT_LIMIT}). A bad one is refused naming it and what it takes.
 */
record EventLogParams(Set<String> types, String pipeline, long sinceMillis, long from, int limit) {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 500;
  private static final int MAX_TYPES = 50;
  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");
  private static final Pattern PIPELINE = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,127}");

  /** The parameters as given, each optional. */
  record Given(
      Optional<String> type,
      Optional<String> pipeline,
      Optional<String> since,
      Optional<String> from,
      Optional<String> limit) {}

  /** The search these parameters ask for. */
  EventQuery query() {
    return new EventQuery(types, pipeline, sinceMillis, from, limit);
  }

  static EventLogParams parse(Given given) throws HistoryQuery.Invalid {
    return new EventLogParams(
        types(given.type().orElse("")),
        pipeline(given.pipeline()),
        given.since().isEmpty() ? 0 : HistoryQuery.since(given.since().get()),
        from(given.from()),
        limit(given.limit()));
  }

  private static Set<String> types(String value) throws HistoryQuery.Invalid {
    Set<String> types =
        Arrays.stream(value.split(","))
            .map(String::trim)
            .filter(t -> !t.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    if (types.size() > MAX_TYPES) {
      throw new HistoryQuery.Invalid("type names at most " + MAX_TYPES + " event types");
    }
    for (String type : types) {
      if (!TYPE.matcher(type).matches()) {
        throw new HistoryQuery.Invalid(
            "type takes event types such as playbook.fired, comma-separated; `"
                + clip(type)
                + "` is not one");
      }
    }
    return types;
  }

  private static String pipeline(Optional<String> value) throws HistoryQuery.Invalid {
    if (value.isEmpty() || value.get().isEmpty()) {
      return null;
    }
    if (!PIPELINE.matcher(value.get()).matches()) {
      throw new HistoryQuery.Invalid(
          "pipeline takes a pipeline name (a letter, then letters, digits, _ . -); `"
              + clip(value.get())
              + "` is not one");
    }
    return value.get();
  }

  private static long from(Optional<String> value) throws HistoryQuery.Invalid {
    if (value.isEmpty()) {
      return 0;
    }
    if (!value.get().matches("\\d{1,18}")) {
      throw new HistoryQuery.Invalid(
          "from takes a position (a whole number, as next_position gave it), got `"
              + clip(value.get())
              + "`");
    }
    return Long.parseLong(value.get());
  }

  private static int limit(Optional<String> value) throws HistoryQuery.Invalid {
    if (value.isEmpty()) {
      return DEFAULT_LIMIT;
    }
    int limit = value.get().matches("\\d{1,4}") ? Integer.parseInt(value.get()) : -1;
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new HistoryQuery.Invalid(
          "limit takes a number from 1 to " + MAX_LIMIT + ", got `" + clip(value.get()) + "`");
    }
    return limit;
  }

  /** Echoed input, clipped so an answer cannot be inflated by what was sent. */
  private static String clip(String value) {
    return value.length() > 100 ? value.substring(0, 100) + "…" : value;
  }
}
