package dev.ben.bux.socket;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The tail topic's filter, applied in the gateway so a client receives only what it asked for:
 * pipeline and app match the event's, rule one of the rules that fired, action the winning action;
 * each exact, each optional.
 */
final class TailFilter {

  static final Set<String> FIELDS = Set.of("pipeline", "app", "rule", "action");

  private TailFilter() {}

  static Predicate<JsonNode> of(TopicFilter filter) {
    Predicate<JsonNode> matches = event -> true;
    for (String field : FIELDS) {
      String wanted = filter.get(field).orElse(null);
      if (wanted != null) {
        matches = matches.and(event -> has(event, field, wanted));
      }
    }
    return matches;
  }

  private static boolean has(JsonNode event, String field, String wanted) {
    JsonNode decisions = event.path("decisions");
    return switch (field) {
      case "rule" -> contains(decisions.path("rules"), wanted);
      case "action" -> wanted.equals(decisions.path("action").asText(null));
      default -> wanted.equals(event.path(field).asText(null));
    };
  }

  private static boolean contains(JsonNode rules, String wanted) {
    for (JsonNode rule : rules) {
      if (wanted.equals(rule.asText())) {
        return true;
      }
    }
    return false;
  }
}
