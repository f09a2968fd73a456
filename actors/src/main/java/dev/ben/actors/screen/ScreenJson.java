package dev.ben.actors.screen;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.screen.ScreenMatch;
import java.io.IOException;

/**
 * The HTTP shape of a screening: the body {@code {"pipeline","list","name","within","version"?}}
 * read into a {@link ScreenQuestion} (a missing or mistyped field refused by name), and the answer
 * {@code {"pipeline","version","list","name","matches":[{"entry","distance"}]}}.
 */
public final class ScreenJson {

  /** A body read: the question, or why it is not one. */
  public sealed interface Read {}

  public record Asked(ScreenQuestion question) implements Read {}

  public record NotAsked(ScreenOutcome.Refused refusal) implements Read {}

  private final ObjectMapper mapper;

  public ScreenJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public Read question(byte[] body) {
    JsonNode json;
    try {
      json = mapper.readTree(body);
    } catch (IOException e) {
      return notAsked("body", "not JSON: " + shortened(e));
    }
    if (json == null || !json.isObject()) {
      return notAsked("body", "send one JSON object");
    }
    for (String field : new String[] {"pipeline", "list", "name"}) {
      if (!json.path(field).isTextual()) {
        return notAsked(field, "required, a string");
      }
    }
    JsonNode within = json.path("within");
    if (!within.isIntegralNumber() || !within.canConvertToInt()) {
      return notAsked("within", "required, the edits allowed (0..8)");
    }
    JsonNode version = json.path("version");
    if (!version.isMissingNode()
        && !version.isNull()
        && (!version.isIntegralNumber() || !version.canConvertToLong() || version.asLong() <= 0)) {
      return notAsked("version", "a positive version number; leave it out for the newest");
    }
    return new Asked(
        new ScreenQuestion(
            json.get("pipeline").asText(),
            json.get("list").asText(),
            json.get("name").asText(),
            within.asInt(),
            version.isIntegralNumber() ? version.asLong() : ScreenQuestion.NEWEST));
  }

  public ObjectNode answer(ScreenOutcome.Answered answered) {
    ObjectNode json =
        mapper
            .createObjectNode()
            .put("pipeline", answered.pipeline())
            .put("version", answered.version())
            .put("list", answered.list())
            .put("name", answered.name());
    ArrayNode matches = json.putArray("matches");
    for (ScreenMatch match : answered.matches()) {
      matches.addObject().put("entry", match.entry()).put("distance", match.distance());
    }
    return json;
  }

  private static Read notAsked(String field, String message) {
    return new NotAsked(Screener.badField(field, message));
  }

  private static String shortened(IOException e) {
    return e instanceof JacksonException json ? json.getOriginalMessage() : e.getMessage();
  }
}
