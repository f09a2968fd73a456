package dev.ben.streams.sidecar;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.wal.SentBytes;
import java.io.IOException;
import java.util.List;

/**
 * Turns one NDJSON line into an envelope, or into a refusal with a reason a person can act on.
 * Blank lines are neither: they are skipped, as NDJSON writers commonly end with one. An event is
 * kept only as it was sent: a key given twice in one object, or a number the store could not keep
 * ({@link FaithfulNumbers}), refuses the line rather than being merged or rounded away. Reasons are
 * a fixed set of words, as they label counters: {@code line_too_long}, {@code malformed_json},
 * {@code duplicate_key}, {@code number_out_of_range}, {@code not_an_object}.
 */
public final class EventParser {

  /** The result of parsing one line. */
  public sealed interface Parsed {
    long line();
  }

  /**
   * @param sent the bytes the body was read from, which the ingest log keeps as they are
   */
  public record Accepted(long line, Envelope envelope, SentBytes sent) implements Parsed {}

  public record Refused(long line, String reason, String detail) implements Parsed {}

  public record Blank(long line) implements Parsed {}

  private static final String DUPLICATE = "Duplicate field '";
  private static final String DUPLICATE_END = "' for `ObjectNode`";

  private final ObjectReader reader;
  private final int maxLineBytes;

  public EventParser(ObjectMapper mapper, int maxLineBytes) {
    // A reader of its own: the shared mapper's other users keep merging duplicate keys as before.
    // The tree finds a repeated key as it puts it (no set of names per object, as the parser's
    // own detection keeps).
    this.reader = mapper.reader().with(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    this.maxLineBytes = maxLineBytes;
  }

  /** A request body that is one event (an invocation, a posted beacon), read as line 1. */
  public Parsed parseOne(byte[] body, String pipeline, String app, long nowMillis) {
    return parse(new LineSplitter.Line(1, body), pipeline, app, nowMillis);
  }

  /**
   * The outcome of each of a chunk's lines, in order, read as NDJSON ingest reads them: one JSON
   * parser for each run of lines side by side in the same bytes (see {@link LineRunParser}).
   */
  public List<Parsed> parseLines(
      List<LineSplitter.Line> lines, String pipeline, String app, long nowMillis) {
    return new LineRunParser(this).parse(lines, pipeline, app, nowMillis);
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
    if (isBlank(line.array(), line.offset(), line.length())) {
      return new Blank(line.number());
    }
    ObjectNode sent = sentAlone(line);
    return sent != null
        ? accepted(line, sent, pipeline, app, nowMillis)
        : parseTree(line, pipeline, app, nowMillis);
  }

  /**
   * A non-blank line of at most the limit through its JSON tree: what decides every line that is
   * not kept as sent, and the reference a body kept as sent agrees with.
   */
  Parsed parseTree(LineSplitter.Line line, String pipeline, String app, long nowMillis) {
    JsonNode node;
    try {
      // The line's range of its chunk, parsed where it lies.
      node = reader.readTree(line.array(), line.offset(), line.length());
    } catch (JsonParseException e) {
      return new Refused(
          line.number(),
          "malformed_json",
          "not valid JSON at column "
              + e.getLocation().getColumnNr()
              + ": "
              + e.getOriginalMessage());
    } catch (MismatchedInputException e) {
      if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith(DUPLICATE)) {
        return duplicate(line.number(), e);
      }
      return new Refused(
          line.number(), "malformed_json", "not valid JSON: " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      return new Refused(
          line.number(), "malformed_json", "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      return new Refused(line.number(), "malformed_json", "unreadable line: " + e.getMessage());
    }
    return parsed(line, node, pipeline, app, nowMillis);
  }

  /** A line's outcome once its JSON was read: an event, unless it is not one the store keeps. */
  Parsed parsed(
      LineSplitter.Line line, JsonNode node, String pipeline, String app, long nowMillis) {
    if (!(node instanceof ObjectNode object)) {
      return new Refused(
          line.number(),
          "not_an_object",
          "each line must be one JSON object, got " + describe(node));
    }
    var unfaithful = FaithfulNumbers.find(object);
    if (unfaithful.isPresent()) {
      return new Refused(
          line.number(),
          "number_out_of_range",
          "the number at `"
              + unfaithful.get().pointer()
              + "` cannot be stored as sent: "
              + unfaithful.get().problem()
              + "; send it as a string");
    }
    return accepted(line, object, pipeline, app, nowMillis);
  }

  /** The line's body kept as sent, when the tree would accept it as it is; null otherwise. */
  private ObjectNode sentAlone(LineSplitter.Line line) {
    int from = line.offset();
    try (JsonParser alone = reader.createParser(line.array(), from, line.length())) {
      return new SentObjects(reader).next(alone, line.array(), from, from + line.length());
    } catch (IOException e) {
      return null;
    }
  }

  Accepted accepted(
      LineSplitter.Line line, ObjectNode body, String pipeline, String app, long nowMillis) {
    return new Accepted(
        line.number(), new Envelope(EventIds.next(), pipeline, app, nowMillis, body), line);
  }

  /**
   * The tree finds the repeat once the repeated key's value is read; the parser's context is then
   * still at that key, so it points at it.
   */
  private static Refused duplicate(long line, MismatchedInputException e) {
    String message = e.getOriginalMessage();
    int end = message.lastIndexOf(DUPLICATE_END);
    String key = message.substring(DUPLICATE.length(), Math.max(DUPLICATE.length(), end));
    String where =
        e.getProcessor() instanceof JsonParser parser
            ? " at `" + parser.getParsingContext().pathAsPointer() + "`"
            : "";
    return new Refused(
        line,
        "duplicate_key",
        "the key `" + key + "` appears twice in one object" + where + "; send each key once");
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

  /** The reader every line is read with. */
  ObjectReader reader() {
    return reader;
  }

  static boolean isBlank(byte[] bytes, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
