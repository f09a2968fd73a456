package dev.ben.benctl.testrun;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders one event's outcome for people: a headline, then one labelled line per non-empty part.
 */
final class OutcomeText {

  private OutcomeText() {}

  static String render(JsonNode outcome) {
    StringBuilder text = new StringBuilder("line ").append(outcome.get("line").asInt());
    if (outcome.has("refused")) {
      return text.append("  REFUSED  ")
          .append(outcome.get("refused").asText())
          .append('\n')
          .toString();
    }
    text.append("  ").append(outcome.get("action").asText()).append('\n');
    part(text, "bits", names(outcome.get("bits")));
    part(text, "rules", names(outcome.get("rules")));
    part(text, "facts", pairs(outcome.get("facts"), "  "));
    part(text, "redacted", pairs(outcome.get("redacted"), "  "));
    part(text, "detectors", pairs(outcome.get("detectors"), "  "));
    for (JsonNode playbook : outcome.get("playbooks")) {
      part(text, "playbook", playbook(playbook));
    }
    return text.toString();
  }

  private static void part(StringBuilder text, String label, String value) {
    if (!value.isEmpty()) {
      text.append("    ").append(String.format("%-10s", label)).append(value).append('\n');
    }
  }

  private static String names(JsonNode array) {
    List<String> names = new ArrayList<>();
    array.forEach(name -> names.add(name.asText()));
    return String.join(", ", names);
  }

  private static String pairs(JsonNode object, String separator) {
    List<String> pairs = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      pairs.add(
          field.getKey()
              + "="
              + (field.getValue().isTextual()
                  ? field.getValue().asText()
                  : field.getValue().toString()));
    }
    return String.join(separator, pairs);
  }

  private static String playbook(JsonNode outcome) {
    StringBuilder text =
        new StringBuilder(outcome.get("playbook").asText())
            .append(' ')
            .append(outcome.get("status").asText());
    if (outcome.hasNonNull("reason") && !outcome.get("reason").asText().isEmpty()) {
      text.append(" (").append(outcome.get("reason").asText()).append(')');
    }
    text.append("  ")
        .append(outcome.get("signal").asText())
        .append('(')
        .append(pairs(outcome.get("args"), ", "))
        .append(')');
    if (outcome.hasNonNull("explanation")) {
      text.append("  \"").append(outcome.get("explanation").asText()).append('"');
    }
    return text.toString();
  }
}
