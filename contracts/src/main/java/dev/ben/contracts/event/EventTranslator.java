package dev.ben.contracts.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.contracts.model.Schema;
import dev.ben.contracts.model.SchemaField;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns application JSON into an {@link Event} of one schema, or refuses it. Rules: the document
 * must be an object; key fields and non-optional fields must be present and non-null; each value
 * must fit its type and range; unknown top-level properties are ignored and counted (see {@link
 * Translation.Accepted}). Lines are read by fast paths that only accept (a byte scanner for flat
 * lines, {@link FlatLineTranslator}, then Jackson's streaming parser, {@link StreamingTranslator}),
 * with the JSON tree as the fallback that decides everything else. Not thread-safe (it reuses
 * scratch buffers); create one per stage.
 */
public final class EventTranslator {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Schema schema;
  private final Set<String> keyFields;
  private final FieldDecoder decoder = new FieldDecoder();
  private final FlatLineTranslator flat;
  private final StreamingTranslator streaming;

  public EventTranslator(Schema schema) {
    this.schema = schema;
    this.keyFields = new HashSet<>(schema.key());
    this.flat = new FlatLineTranslator(schema);
    this.streaming = new StreamingTranslator(JSON.getFactory(), schema);
  }

  public Schema schema() {
    return schema;
  }

  public Translation translate(byte[] json) {
    Translation.Accepted scanned = flat.translate(json);
    if (scanned != null) {
      return scanned;
    }
    Translation.Accepted streamed = streaming.translate(json);
    return streamed != null ? streamed : translateTree(json);
  }

  /** The line through the JSON tree: the reference the streaming path must agree with. */
  Translation translateTree(byte[] json) {
    try {
      return translate(JSON.readTree(json));
    } catch (JsonProcessingException e) {
      return refuse("", malformed(e));
    } catch (IOException e) {
      return refuse("", "unreadable JSON: " + e.getMessage());
    }
  }

  /**
   * Why a line is not JSON, with where when Jackson knows it: a line past one of its read limits (a
   * name over 50,000 characters, say) fails with no location.
   */
  private static String malformed(JsonProcessingException e) {
    var at = e.getLocation();
    return at == null
        ? "malformed JSON: " + e.getOriginalMessage()
        : "malformed JSON at line "
            + at.getLineNr()
            + " column "
            + at.getColumnNr()
            + ": "
            + e.getOriginalMessage();
  }

  public Translation translate(JsonNode document) {
    if (document == null || document.isMissingNode()) {
      return refuse("", "empty input: send one JSON object per event");
    }
    if (!document.isObject()) {
      return refuse(
          "",
          "expects a JSON object per event, got "
              + document.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    var event = new Event(schema);
    List<SchemaField> fields = schema.fields();
    for (int i = 0; i < fields.size(); i++) {
      SchemaField field = fields.get(i);
      JsonNode value = document.get(field.name());
      if (value == null || value.isNull()) {
        if (keyFields.contains(field.name())) {
          return refuse(field.name(), "key field is missing; every event needs " + schema.key());
        }
        if (!field.optional()) {
          return refuse(
              field.name(),
              "required field is missing (declare it '"
                  + field.name()
                  + ": "
                  + field.type().name().toLowerCase(java.util.Locale.ROOT)
                  + "?' to make it optional)");
        }
        continue;
      }
      String problem =
          field.array()
              ? decodeArray(value, field, event, i)
              : decoder.decode(value, field.type(), event, i);
      if (problem != null) {
        return refuse(field.name(), problem);
      }
    }
    return new Translation.Accepted(event, countUnknown(document));
  }

  private String decodeArray(JsonNode value, SchemaField field, Event event, int index) {
    if (!value.isArray()) {
      return "expects a JSON array, got "
          + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
    var scratch = new Event(schema);
    var items = new ArrayList<Object>(value.size());
    for (int position = 0; position < value.size(); position++) {
      JsonNode item = value.get(position);
      String problem =
          item.isNull() ? "is null" : decoder.decode(item, field.type(), scratch, index);
      if (problem != null) {
        return "element " + position + " " + problem;
      }
      items.add(scratch.plainValue(index));
    }
    event.setArray(index, items);
    return null;
  }

  private int countUnknown(JsonNode document) {
    int unknown = 0;
    for (var property : document.properties()) {
      if (schema.indexOf(property.getKey()) < 0) {
        unknown++;
      }
    }
    return unknown;
  }

  private Translation refuse(String field, String reason) {
    return new Translation.Refused(schema.name(), field, reason);
  }
}
