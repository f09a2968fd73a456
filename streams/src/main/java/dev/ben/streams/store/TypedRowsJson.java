package dev.ben.streams.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed rows as JSONEachRow lines, for stores that only take JSON: each value in the form
 * ClickHouse's JSONEachRow reads for the column ({@code DateTime} as {@code yyyy-MM-dd HH:mm:ss} in
 * UTC, NaN and infinities as text, integers beyond a long as their digits).
 */
public final class TypedRowsJson {

  /** The text ClickHouse reads and writes for a {@code DateTime}, in UTC. */
  public static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private static final JsonFactory FACTORY = new JsonFactory();

  private TypedRowsJson() {}

  public static List<String> lines(TypedRows rows) {
    List<String> lines = new ArrayList<>(rows.size());
    try {
      for (Object[] values : rows.rows()) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
          json.writeStartObject();
          for (int i = 0; i < values.length; i++) {
            json.writeFieldName(rows.columns().get(i));
            write(json, values[i]);
          }
          json.writeEndObject();
        }
        lines.add(text.toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }

  /** One value (an array's items included) as JSON. */
  public static void write(JsonGenerator json, Object value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof String text) {
      json.writeString(text);
    } else if (value instanceof BigInteger big) {
      json.writeNumber(big);
    } else if (value instanceof Double || value instanceof Float) {
      json.writeNumber(((Number) value).doubleValue());
    } else if (value instanceof Number number) {
      json.writeNumber(number.longValue());
    } else if (value instanceof Boolean bool) {
      json.writeNumber(bool ? 1 : 0);
    } else if (value instanceof Instant at) {
      json.writeString(DATE_TIME.format(at));
    } else if (value instanceof List<?> items) {
      json.writeStartArray();
      for (Object item : items) {
        write(json, item);
      }
      json.writeEndArray();
    } else {
      throw new IllegalArgumentException("not a row value: " + value.getClass().getName());
    }
  }
}
