package dev.ben.streams.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.duckdb.DuckDBSingleValueAppender;

/**
 * Appends one value to the current row of DuckDB's casting appender, by the value's own type; the
 * appender casts it to the column's, as SQL would (the loader's way for a batch whose values do not
 * all fit {@link DuckDbStaging}). Takes both the values {@link JsonRowReader} reads and the {@link
 * TypedRows} forms: an integer beyond a long goes as its digits, a DateTime as UTC wall-clock time,
 * and a list as JSON text (the appender has no list values; the staging table holds arrays as text,
 * which the move into the target casts back).
 */
final class DuckDbValues {

  private static final JsonFactory JSON = new JsonFactory();

  private DuckDbValues() {}

  @SuppressWarnings("deprecation") // the casting appender, kept for values of unusual forms
  static void append(DuckDBSingleValueAppender appender, Object value) throws SQLException {
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      appender.append(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      appender.append(((Number) value).doubleValue());
    } else if (value instanceof Boolean bool) {
      appender.append(bool.booleanValue());
    } else if (value instanceof Instant at) {
      appender.appendLocalDateTime(
          LocalDateTime.ofEpochSecond(at.getEpochSecond(), at.getNano(), ZoneOffset.UTC));
    } else if (value instanceof List<?> items) {
      appender.append(jsonArray(items));
    } else if (value == null || value instanceof String) {
      // The appender takes a null String as SQL NULL.
      appender.append((String) value);
    } else if (value instanceof BigInteger || value instanceof Number) {
      appender.append(value.toString());
    } else {
      throw new IllegalArgumentException("not a row value: " + value.getClass().getName());
    }
  }

  static String jsonArray(List<?> items) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      TypedRowsJson.write(json, items);
    } catch (IOException e) {
      throw new IllegalArgumentException("an array value cannot be written: " + e.getMessage(), e);
    }
    return text.toString();
  }
}
