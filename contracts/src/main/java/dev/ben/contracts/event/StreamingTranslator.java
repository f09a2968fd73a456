package dev.ben.contracts.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ben.contracts.model.FieldType;
import dev.ben.contracts.model.Schema;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The translator's fast path: reads an ordinary JSON line token by token straight into the event's
 * slots, without building a tree. It only ever accepts: whenever the line is anything but plainly
 * fitting (malformed, a value of the wrong type or out of range, a missing field, a duplicate key,
 * a big number, a timestamp in a rarer form) it answers null and the caller takes the tree path,
 * which alone phrases refusals. So every accepted value, and every refusal, is the tree path's. Not
 * thread-safe.
 */
final class StreamingTranslator {

  /**
   * Longer lines take the tree path: Jackson checks the length of a string it skips only when it
   * reads it, so past its limits only the tree path refuses exactly.
   */
  static final int LONGEST_STREAMED = 1 << 20;

  /** More distinct unknown keys than this take the tree path (it counts them without a scan). */
  private static final int MOST_UNKNOWN = 32;

  private final JsonFactory factory;
  private final Schema schema;
  private final FieldType[] types;
  private final boolean[] arrays;
  private final boolean[] required;
  private final boolean[] seen;
  private final List<String> unknownNames = new ArrayList<>();
  private final CharWindow window = new CharWindow();
  private final long[] ip = new long[2];
  private final Event arrayScratch;

  StreamingTranslator(JsonFactory factory, Schema schema) {
    this.factory = factory;
    this.schema = schema;
    FieldLayout layout = new FieldLayout(schema);
    this.types = layout.types;
    this.arrays = layout.arrays;
    this.required = layout.required;
    this.seen = new boolean[types.length];
    this.arrayScratch = new Event(schema);
  }

  /** The accepted event, or null when the tree path must decide. */
  Translation.Accepted translate(byte[] json) {
    if (json.length > LONGEST_STREAMED) {
      return null;
    }
    try (JsonParser parser = factory.createParser(json)) {
      return read(parser);
    } catch (IOException e) {
      return null;
    }
  }

  private Translation.Accepted read(JsonParser parser) throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      return null;
    }
    Arrays.fill(seen, false);
    unknownNames.clear();
    Event event = new Event(schema);
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      int field = schema.indexOf(name);
      JsonToken value = parser.nextToken();
      if (field < 0) {
        if (!unknownNames.contains(name)) {
          if (unknownNames.size() == MOST_UNKNOWN) {
            return null;
          }
          unknownNames.add(name);
        }
        parser.skipChildren();
        continue;
      }
      if (seen[field]) {
        return null;
      }
      seen[field] = true;
      if (value == JsonToken.VALUE_NULL) {
        continue;
      }
      if (arrays[field]
          ? !decodeArray(parser, value, field, event)
          : !decode(parser, value, field, event)) {
        return null;
      }
    }
    if (token != JsonToken.END_OBJECT) {
      return null;
    }
    for (int i = 0; i < required.length; i++) {
      if (required[i] && !event.isPresent(i)) {
        return null;
      }
    }
    return new Translation.Accepted(event, unknownNames.size());
  }

  /** Elements as the tree path keeps them: each decoded alone, then as its plain value. */
  private boolean decodeArray(JsonParser parser, JsonToken token, int field, Event event)
      throws IOException {
    if (token != JsonToken.START_ARRAY) {
      return false;
    }
    var items = new ArrayList<Object>();
    JsonToken element;
    while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (element == JsonToken.VALUE_NULL || !decode(parser, element, field, arrayScratch)) {
        return false;
      }
      items.add(arrayScratch.plainValue(field));
    }
    event.setArray(field, items);
    return true;
  }

  /** Decodes a value that plainly fits; false for anything the tree path must look at. */
  private boolean decode(JsonParser parser, JsonToken token, int field, Event event)
      throws IOException {
    return switch (types[field]) {
      case STRING -> token == JsonToken.VALUE_STRING && text(parser, field, event);
      case I8 -> whole(parser, token, field, event, Byte.MIN_VALUE, Byte.MAX_VALUE);
      case I16 -> whole(parser, token, field, event, Short.MIN_VALUE, Short.MAX_VALUE);
      case I32 -> whole(parser, token, field, event, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case I64 -> whole(parser, token, field, event, Long.MIN_VALUE, Long.MAX_VALUE);
      case TIMESTAMP ->
          token == JsonToken.VALUE_STRING
              ? timestamp(parser, field, event)
              : whole(parser, token, field, event, Long.MIN_VALUE, Long.MAX_VALUE);
      case U8 -> whole(parser, token, field, event, 0, 255);
      case U16 -> whole(parser, token, field, event, 0, 65_535);
      case U32 -> whole(parser, token, field, event, 0, 4_294_967_295L);
      case U64 -> unsigned64(parser, token, field, event);
      case F32, F64 -> real(parser, token, field, event);
      case BOOL -> bool(token, field, event);
      case IPV4, IPV6 -> token == JsonToken.VALUE_STRING && ip(parser, field, event);
      case UUID -> token == JsonToken.VALUE_STRING && uuid(parser, field, event);
    };
  }

  private static boolean text(JsonParser parser, int field, Event event) throws IOException {
    event.setText(field, parser.getText());
    return true;
  }

  /** A whole number Jackson holds as an int or a long (the tree's IntNode or LongNode). */
  private static boolean isPlainWhole(JsonParser parser, JsonToken token) throws IOException {
    if (token != JsonToken.VALUE_NUMBER_INT) {
      return false;
    }
    JsonParser.NumberType type = parser.getNumberType();
    return type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG;
  }

  private static boolean whole(
      JsonParser parser, JsonToken token, int field, Event event, long min, long max)
      throws IOException {
    if (!isPlainWhole(parser, token)) {
      return false;
    }
    long value = parser.getLongValue();
    if (value < min || value > max) {
      return false;
    }
    event.setLong(field, value);
    return true;
  }

  /** Above Long.MAX_VALUE a u64 is a big integer to Jackson, kept as its low 64 bits. */
  private static boolean unsigned64(JsonParser parser, JsonToken token, int field, Event event)
      throws IOException {
    if (token != JsonToken.VALUE_NUMBER_INT
        || parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
      return whole(parser, token, field, event, 0, Long.MAX_VALUE);
    }
    BigInteger value = parser.getBigIntegerValue();
    if (value.signum() < 0 || value.bitLength() > 64) {
      return false;
    }
    event.setLong(field, value.longValue());
    return true;
  }

  private boolean real(JsonParser parser, JsonToken token, int field, Event event)
      throws IOException {
    double value;
    if (token == JsonToken.VALUE_NUMBER_FLOAT) {
      value = parser.getDoubleValue();
    } else if (isPlainWhole(parser, token)) {
      value = parser.getLongValue();
    } else {
      return false;
    }
    if (!Double.isFinite(value)
        || (types[field] == FieldType.F32 && Math.abs(value) > Float.MAX_VALUE)) {
      return false;
    }
    event.setReal(field, value);
    return true;
  }

  private static boolean bool(JsonToken token, int field, Event event) {
    if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
      return false;
    }
    event.setLong(field, token == JsonToken.VALUE_TRUE ? 1 : 0);
    return true;
  }

  /** ISO-8601 text in the common form; rarer forms go to the tree path and the JDK's parser. */
  private boolean timestamp(JsonParser parser, int field, Event event) throws IOException {
    long millis = Timestamps.parseIsoMillis(view(parser));
    if (millis == Timestamps.UNKNOWN) {
      return false;
    }
    event.setLong(field, millis);
    return true;
  }

  private boolean ip(JsonParser parser, int field, Event event) throws IOException {
    if (!IpAddresses.parse(view(parser), ip)) {
      return false;
    }
    boolean v4 = IpAddresses.isV4Mapped(ip[0], ip[1]);
    if (types[field] == FieldType.IPV4 && !v4) {
      return false;
    }
    event.setIp(
        field, ip[0], ip[1], IpAddresses.format(ip[0], ip[1], types[field] == FieldType.IPV4));
    return true;
  }

  private static boolean uuid(JsonParser parser, int field, Event event) throws IOException {
    String text = parser.getText();
    if (!FieldDecoder.isUuid(text)) {
      return false;
    }
    event.setText(field, text.toLowerCase(java.util.Locale.ROOT));
    return true;
  }

  private CharWindow view(JsonParser parser) throws IOException {
    return window.show(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
  }
}
