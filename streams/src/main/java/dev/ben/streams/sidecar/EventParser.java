package dev.ben.streams.sidecar;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.streams.flow.Envelope;
import java.io.IOException;

/**
 * Turns one NDJSON line into an envelope, or into a refusal with a reason a person can act on.
 * Blank lines are neither: they are skipped, as NDJSON writers commonly end with one.
 */
public final class EventParser {

  /** The result of parsing one line. */
  public sealed interface Parsed {
    long line();
  }

  public record Accepted(long line, Envelope envelope) implements Parsed {}

  public record Refused(long line, String reason, String detail) implements Parsed {}

  public record Blank(long line) implements Parsed {}

  private final ObjectMapper mapper;
  private final int maxLineBytes;

  public EventParser(ObjectMapper mapper, int maxLineBytes) {
    this.mapper = mapper;
    this.maxLineBytes = maxLineBytes;
  }

  /** A request body that is one event (an invocation, a posted beacon), read as line 1. */
  public Parsed parseOne(byte[] body, String pipeline, String app, long nowMillis) {
    return parse(new LineSplitter.Line(1, body), pipeline, app, nowMillis);
  }

  public Parsed parse(LineSplitter.Line line, String pipeline, String app, long nowMillis) {
    if (line.tooLong()) {
      return new Refused(
          line.number(),
          "line_too_long",
          "line is longer than the limit of "
              + maxLineBytes
              + " bytes; split the event or raise ben.ingest.max-line-bytes");
    }
    if (isBlank(line.bytes())) {
      return new Blank(line.number());
    }
    JsonNode node;
    try {
      node = mapper.readTree(line.bytes());
    } catch (JsonParseException e) {
      return new Refused(
          line.number(),
          "malformed_json",
          "not valid JSON at column "
              + e.getLocation().getColumnNr()
              + ": "
              + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      return new Refused(
          line.number(), "malformed_json", "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      return new Refused(line.number(), "malformed_json", "unreadable line: " + e.getMessage());
    }
    if (!(node instanceof ObjectNode object)) {
      return new Refused(
          line.number(),
          "not_an_object",
          "each line must be one JSON object, got " + describe(node));
    }
    return new Accepted(
        line.number(), new Envelope(EventIds.next(), pipeline, app, nowMillis, object));
  }

  private static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
