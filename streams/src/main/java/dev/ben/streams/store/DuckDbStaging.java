package dev.ben.streams.store;

import java.math.BigInteger;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.duckdb.DuckDBAppender;

/**
 * How one column of a target table is staged for DuckDB's typed appender, which writes values
 * straight into column vectors but casts nothing: a value must already have the staged column's
 * type. Integers, doubles, timestamps, text and lists of text are staged in the target's own type
 * and taken only when they fit it as they are (an integer within the column's range); a float
 * column is staged as a DOUBLE and any other type as text, which the move into the target casts, as
 * the casting appender did. A value that does not {@link #fits fit} (a string for a number, a
 * number out of range) sends its batch through the casting appender, which casts or refuses it as
 * before.
 */
enum DuckDbStaging {
  TINYINT("TINYINT", Byte.MIN_VALUE, Byte.MAX_VALUE),
  SMALLINT("SMALLINT", Short.MIN_VALUE, Short.MAX_VALUE),
  INTEGER("INTEGER", Integer.MIN_VALUE, Integer.MAX_VALUE),
  BIGINT("BIGINT", Long.MIN_VALUE, Long.MAX_VALUE),
  UTINYINT("UTINYINT", 0, 0xFFL),
  USMALLINT("USMALLINT", 0, 0xFFFFL),
  UINTEGER("UINTEGER", 0, 0xFFFF_FFFFL),
  /** Its upper half is beyond a long: a {@code BigInteger} up to 2^64 - 1 fits too. */
  UBIGINT("UBIGINT", 0, Long.MAX_VALUE),
  DOUBLE("DOUBLE", 0, 0),
  TIMESTAMP("TIMESTAMP", 0, 0),
  VARCHAR("VARCHAR", 0, 0),
  /** A list of text (nulls included) as a list. */
  VARCHAR_LIST("VARCHAR[]", 0, 0),
  /** Any other list as its JSON text, or that text itself; the move casts it back to a list. */
  JSON_ARRAY("VARCHAR", 0, 0),
  /** Any other type (FLOAT included) staged as its widest form; the move casts it. */
  FLOAT("DOUBLE", 0, 0),
  OTHER("VARCHAR", 0, 0);

  private static final BigInteger UBIGINT_LIMIT = BigInteger.ONE.shiftLeft(64);

  private final String stagedType;
  private final long min;
  private final long max;

  DuckDbStaging(String stagedType, long min, long max) {
    this.stagedType = stagedType;
    this.min = min;
    this.max = max;
  }

  /** The staging for a column of DuckDB type {@code type} (as information_schema names it). */
  static DuckDbStaging of(String type) {
    if (type.endsWith("[]")) {
      return type.equals("VARCHAR[]") ? VARCHAR_LIST : JSON_ARRAY;
    }
    for (DuckDbStaging staging : values()) {
      if (staging.name().equals(type) && staging != OTHER && staging != JSON_ARRAY) {
        return staging;
      }
    }
    return OTHER;
  }

  String stagedType() {
    return stagedType;
  }

  /** Whether {@link #append} takes {@code value} as it is; null always fits. */
  boolean fits(Object value) {
    if (value == null) {
      return true;
    }
    return switch (this) {
      case TINYINT, SMALLINT, INTEGER, BIGINT, UTINYINT, USMALLINT, UINTEGER, UBIGINT ->
          isLongSized(value) && inRange(((Number) value).longValue())
              || this == UBIGINT
                  && value instanceof BigInteger big
                  && big.signum() >= 0
                  && big.compareTo(UBIGINT_LIMIT) < 0;
      case DOUBLE, FLOAT -> value instanceof Double || value instanceof Float;
      case TIMESTAMP -> value instanceof Instant;
      case VARCHAR, OTHER -> value instanceof String;
      case VARCHAR_LIST -> value instanceof List<?> items && allText(items);
      case JSON_ARRAY -> value instanceof List<?> || value instanceof String;
    };
  }

  /**
   * Appends a value that {@link #fits}.
   *
   * @param emptyDefault the column's default is the empty list: an empty list is appended as it,
   *     one native call where the appender's list handling makes several per value
   */
  void append(DuckDBAppender appender, Object value, boolean emptyDefault) throws SQLException {
    if (value == null) {
      appender.appendNull();
      return;
    }
    switch (this) {
      // The appender writes the bits; an unsigned column reads them back as the unsigned value.
      case TINYINT, UTINYINT -> appender.append((byte) ((Number) value).longValue());
      case SMALLINT, USMALLINT -> appender.append((short) ((Number) value).longValue());
      case INTEGER, UINTEGER -> appender.append((int) ((Number) value).longValue());
      case BIGINT, UBIGINT -> appender.append(((Number) value).longValue());
      case DOUBLE, FLOAT -> appender.append(((Number) value).doubleValue());
      case TIMESTAMP -> {
        Instant at = (Instant) value;
        // Micros rounded down, as the casting appender's LocalDateTime was.
        appender.appendEpochMicros(
            Math.addExact(
                Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000));
      }
      case VARCHAR, OTHER -> appender.append((String) value);
      case VARCHAR_LIST -> {
        List<?> items = (List<?>) value;
        if (emptyDefault && items.isEmpty()) {
          appender.appendDefault();
        } else {
          appender.append(items);
        }
      }
      case JSON_ARRAY ->
          appender.append(
              value instanceof String text ? text : DuckDbValues.jsonArray((List<?>) value));
    }
  }

  private boolean inRange(long value) {
    return value >= min && value <= max;
  }

  private static boolean allText(List<?> items) {
    for (Object item : items) {
      if (item != null && !(item instanceof String)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLongSized(Object value) {
    return value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte;
  }
}
