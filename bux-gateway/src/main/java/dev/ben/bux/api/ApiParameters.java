package dev.ben.bux.api;

import dev.ben.bux.api.StoredEvents.EventCursor;
import dev.ben.bux.api.StoredEvents.EventQuery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Reads ben_api's query and path parameters, refusing a bad one with {@link Bad}, whose message
 * names the parameter and what is allowed.
 */
final class ApiParameters {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 500;

  /** A parameter ben_api cannot take; answered with 400 and the message. */
  static final class Bad extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Bad(String message) {
      super(message);
    }
  }

  private ApiParameters() {}

  /** A version number: a whole number from 1. */
  static long version(String name, String value) {
    try {
      long version = Long.parseLong(value);
      if (version >= 1) {
        return version;
      }
    } catch (NumberFormatException e) {
      // Refused below with what is allowed.
    }
    throw new Bad("`" + name + "` must be a version number (1, 2, …), not `" + value + "`");
  }

  static long requiredVersion(String name, Optional<String> value) {
    return version(
        name, value.orElseThrow(() -> new Bad("`" + name + "` is required: a version number")));
  }

  /** Epoch milliseconds or an ISO-8601 instant such as 2026-12-05T10:00:00Z. */
  static Instant instant(String name, String value) {
    try {
      return Instant.ofEpochMilli(Long.parseLong(value));
    } catch (NumberFormatException notMillis) {
      try {
        return Instant.parse(value);
      } catch (DateTimeParseException notIso) {
        throw new Bad(
            "`"
                + name
                + "` must be epoch milliseconds or an ISO-8601 instant such as"
                + " 2026-12-05T10:00:00Z, not `"
                + value
                + "`");
      }
    }
  }

  /**
   * The query of {@code /api/v1/events}: {@code to} defaults to now and {@code from} to {@code
   * maxRange} before it; a range wider than {@code maxRange}, from after to, or a limit outside
   * 1..500 is refused.
   */
  static EventQuery events(Map<String, String> query, Instant now, Duration maxRange) {
    String pipeline = query.get("pipeline");
    if (pipeline == null || pipeline.isBlank()) {
      throw new Bad("`pipeline` is required: the name of the pipeline whose events to query");
    }
    Instant to = Optional.ofNullable(query.get("to")).map(v -> instant("to", v)).orElse(now);
    Instant from =
        Optional.ofNullable(query.get("from"))
            .map(v -> instant("from", v))
            .orElse(to.minus(maxRange));
    if (from.isAfter(to)) {
      throw new Bad("`from` (" + from + ") must not be after `to` (" + to + ")");
    }
    if (Duration.between(from, to).compareTo(maxRange) > 0) {
      throw new Bad(
          "the range from `from` to `to` spans "
              + Duration.between(from, to)
              + "; at most "
              + maxRange
              + " (ben.gateway.query-max-range) is allowed, so narrow it or page through it");
    }
    return new EventQuery(
        pipeline,
        from,
        to,
        text(query, "app"),
        text(query, "rule"),
        text(query, "action"),
        text(query, "playbook"),
        text(query, "key"),
        limit(query.get("limit")),
        Optional.ofNullable(query.get("cursor")).map(ApiParameters::cursor));
  }

  static int limit(String value) {
    if (value == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // Refused below with what is allowed.
    }
    throw new Bad(
        "`limit` must be a whole number from 1 to " + MAX_LIMIT + ", not `" + value + "`");
  }

  /** The opaque form of a cursor: base64url of {@code <ms>:<event id>}. */
  static String cursor(EventCursor cursor) {
    String plain = cursor.receivedAtMs() + ":" + cursor.eventId();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  static EventCursor cursor(String opaque) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(opaque), StandardCharsets.UTF_8);
      int colon = plain.indexOf(':');
      if (colon > 0 && colon < plain.length() - 1) {
        return new EventCursor(
            Long.parseLong(plain.substring(0, colon)), plain.substring(colon + 1));
      }
    } catch (IllegalArgumentException e) {
      // Refused below: not a cursor this gateway issued.
    }
    throw new Bad(
        "`cursor` must be the next_cursor of an earlier page, unchanged; leave it out for the"
            + " first page");
  }

  private static Optional<String> text(Map<String, String> query, String name) {
    return Optional.ofNullable(query.get(name)).filter(v -> !v.isEmpty());
  }
}
