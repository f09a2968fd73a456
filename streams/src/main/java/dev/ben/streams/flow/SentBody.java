package dev.ben.streams.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.event.LazyFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of an event as it arrived: the JSON object the client sent, kept as its bytes and read
 * into a tree the first time anyone reads it. Ingest checks that the bytes are one object the tree
 * reader accepts before it makes such a body, so reading it cannot fail; the spine translates the
 * bytes into the typed event directly ({@link #untouchedJson}), and an event no one else reads as
 * JSON never has a tree. Safe to read from any thread; reading happens once.
 */
// Jackson's ObjectNode narrows JsonNode's generic deepCopy(); any subclass inherits the warning.
@SuppressWarnings("unchecked")
public final class SentBody extends ObjectNode {

  private static final long serialVersionUID = 1L;

  private SentBody(ObjectReader reader, Fields fields) {
    super(reader.getConfig().getNodeFactory(), fields);
  }

  /**
   * @param json one JSON object, as {@code reader} reads it into a tree without failing
   */
  public static ObjectNode of(byte[] json, ObjectReader reader) {
    return new SentBody(reader, new Fields(json, reader));
  }

  /**
   * The bytes a body stands for while its tree has not been built (so nothing can have changed it);
   * null for any other body.
   */
  public static byte[] untouchedJson(ObjectNode body) {
    return body instanceof SentBody sent ? ((Fields) sent._children).untouchedJson() : null;
  }

  /** The fields, read from the bytes on first use. */
  private static final class Fields extends LazyFields<JsonNode> {

    private final byte[] json;
    private final ObjectReader reader;

    Fields(byte[] json, ObjectReader reader) {
      this.json = json;
      this.reader = reader;
    }

    byte[] untouchedJson() {
      return untouched() ? json : null;
    }

    @Override
    protected Map<String, JsonNode> build() {
      try {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        reader.readTree(json).properties().forEach(f -> fields.put(f.getKey(), f.getValue()));
        return fields;
      } catch (IOException e) {
        throw new UncheckedIOException("a body checked at ingest could not be read again", e);
      }
    }
  }
}
