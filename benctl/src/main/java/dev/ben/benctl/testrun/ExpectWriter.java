package dev.ben.benctl.testrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Turns outcomes into {@code .expect} lines for {@code --write-expect}: everything a contract
 * decides, without what is bookkeeping (event time, explanation inputs), so the file reads as a
 * specification and survives changes that do not alter decisions.
 */
final class ExpectWriter {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> DECISIONS =
      List.of("refused", "bits", "rules", "action", "facts", "redacted", "detectors");
  private static final List<String> PLAYBOOK_DECISIONS =
      List.of("playbook", "status", "reason", "signal", "args");

  private ExpectWriter() {}

  static String line(JsonNode outcome) {
    ObjectNode expectation = JSON.createObjectNode();
    for (String key : DECISIONS) {
      if (outcome.has(key)) {
        expectation.set(key, outcome.get(key));
      }
    }
    if (outcome.has("playbooks")) {
      ArrayNode playbooks = expectation.putArray("playbooks");
      for (JsonNode playbook : outcome.get("playbooks")) {
        ObjectNode kept = playbooks.addObject();
        PLAYBOOK_DECISIONS.stream()
            .filter(playbook::has)
            .forEach(key -> kept.set(key, playbook.get(key)));
      }
    }
    return expectation.toString();
  }
}
