package dev.ben.bux.socket;

import java.util.Map;
import java.util.Optional;

/** What a subscriber asked to see of a topic: field name to the exact value it must have. */
public record TopicFilter(Map<String, String> fields) {

  public static final TopicFilter NONE = new TopicFilter(Map.of());

  public TopicFilter {
    fields = Map.copyOf(fields);
  }

  public Optional<String> get(String field) {
    return Optional.ofNullable(fields.get(field));
  }
}
