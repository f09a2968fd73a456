package dev.ben.streams.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * How ledger records are written to storage: JSON, so a snapshot of the bucket or database stays
 * readable.
 */
final class LedgerJson {

  /**
   * Unknown fields are tolerated so a record written by a newer Ben still reads in an older one.
   */
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private LedgerJson() {}

  static byte[] write(Object record) {
    try {
      return MAPPER.writeValueAsBytes(record);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + record + ": " + e.getMessage(), e);
    }
  }

  static <T> T read(byte[] bytes, Class<T> type, String key) {
    try {
      return MAPPER.readValue(bytes, type);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "the ledger record at `"
              + key
              + "` is not a readable "
              + type.getSimpleName()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  static void requireJson(String text, String what) {
    try {
      MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(what + " is not valid JSON: " + e.getOriginalMessage());
    }
  }
}
