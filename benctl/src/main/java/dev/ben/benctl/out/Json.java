package dev.ben.benctl.out;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON for {@code -o json}: one pretty-printed document per command, ending in a newline. */
public final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** An empty object to fill in. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** {@code node} pretty-printed with a trailing newline. */
  public static String render(JsonNode node) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      // A tree we built ourselves always serialises; failing here is a bug, not bad input.
      throw new IllegalStateException("cannot render JSON output", e);
    }
  }
}
