package dev.ben.streams.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSONEachRow object into values in a table's column order, streaming: building a tree
 * per row costs as much as appending it. A value is null (absent or JSON null), a {@code Long}, a
 * {@code Double}, a {@code Boolean} or a {@code String}: text as it is, an integer too large for a
 * long as its digits, and an array or object as its JSON text. Keys that are not columns are
 * skipped; a repeated key keeps its last value, as a JSON tree would.
 */
final class JsonRowReader {

  private final ObjectMapper mapper;
  private final Map<String, Integer> indexByColumn = new HashMap<>();
  private final Object[] values;

  JsonRowReader(ObjectMapper mapper, List<String> columns) {
    this.mapper = mapper;
    for (int i = 0; i < columns.size(); i++) {
      indexByColumn.put(columns.get(i), i);
    }
    this.values = new Object[columns.size()];
  }

  /**
   * The row's values by column index; the array is reused by the next call.
   *
   * @throws IOException when the row is not a JSON object
   */
  Object[] read(String row) throws IOException {
    Arrays.fill(values, null);
    try (JsonParser parser = mapper.createParser(row)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("expected a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        Integer index = indexByColumn.get(parser.currentName());
        JsonToken token = parser.nextToken();
        if (index == null) {
          parser.skipChildren();
        } else {
          values[index] = value(parser, token);
        }
      }
      if (parser.currentToken() != JsonToken.END_OBJECT) {
        throw new IOException("unterminated JSON object");
      }
    }
    return values;
  }

  private static Object value(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case VALUE_NULL -> null;
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NUMBER_INT ->
          parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
              ? parser.getText()
              : (Object) parser.getLongValue();
      case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
      case VALUE_STRING -> parser.getText();
      case START_ARRAY, START_OBJECT -> parser.readValueAsTree().toString();
      default -> throw new IOException("unexpected " + token);
    };
  }
}
