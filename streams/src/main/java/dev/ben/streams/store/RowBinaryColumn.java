package dev.ben.streams.store;

import com.clickhouse.client.api.data_formats.RowBinaryFormatSerializer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes one value of a declared ClickHouse column type in RowBinary, as the same value in
 * JSONEachRow would be stored (the {@link TypedRows} forms in, the server's text semantics kept):
 * integers wrap to the column's width, text in a number column is parsed, a missing value in a
 * column that is not Nullable is the type's zero, and a {@code DateTime} is the UTC wall-clock time
 * read in the server's time zone, outside [1970, 2106) stored as 0. Covers the types Ben's tables
 * use, all of which ClickHouse 18.16 has: String, (U)Int8 to (U)Int64, Float32/64, DateTime,
 * Nullable and Array. The library's encoders write the bytes; only the conversions are ours.
 */
@FunctionalInterface
interface RowBinaryColumn {

  /**
   * @param out the library's RowBinary encoder over {@code stream}
   */
  void write(RowBinaryFormatSerializer out, OutputStream stream, Object value) throws IOException;

  /** The writer for a column of the declared type, or a StoreException naming a type it lacks. */
  static RowBinaryColumn of(String declared, ZoneId serverZone) {
    String type = declared.strip();
    if (type.startsWith("Nullable(") && type.endsWith(")")) {
      RowBinaryColumn inner = of(type.substring(9, type.length() - 1), serverZone);
      return (out, stream, value) -> {
        if (value == null) {
          out.writeNull();
        } else {
          out.writeNotNull();
          inner.write(out, stream, value);
        }
      };
    }
    if (type.startsWith("Array(") && type.endsWith(")")) {
      RowBinaryColumn item = of(type.substring(6, type.length() - 1), serverZone);
      return (out, stream, value) -> {
        List<?> items = value == null ? List.of() : (List<?>) value;
        RowBinaryFormatSerializer.writeSize(stream, items.size());
        for (Object each : items) {
          item.write(out, stream, each);
        }
      };
    }
    return switch (type) {
      case "String" -> (out, stream, value) -> out.writeString(text(value));
      // Unsigned columns take the same bits as the signed type of their width.
      case "Int8", "UInt8" -> (out, stream, value) -> out.writeInt8((byte) integer(value));
      case "Int16", "UInt16" -> (out, stream, value) -> out.writeInt16((short) integer(value));
      case "Int32", "UInt32" -> (out, stream, value) -> out.writeInt32((int) integer(value));
      case "Int64", "UInt64" -> (out, stream, value) -> out.writeInt64(integer(value));
      case "Float32" -> (out, stream, value) -> out.writeFloat32((float) real(value));
      case "Float64" -> (out, stream, value) -> out.writeFloat64(real(value));
      case "DateTime" -> dateTime(serverZone);
      default ->
          throw new StoreException(
              "the ClickHouse sink has no RowBinary encoding for column type `" + type + "`");
    };
  }

  private static String text(Object value) {
    if (value == null) {
      return "";
    }
    return value instanceof Instant at ? TypedRowsJson.DATE_TIME.format(at) : value.toString();
  }

  /**
   * The value's low 64 bits: the column keeps as many as it is wide, as the server's parser does.
   */
  private static long integer(Object value) {
    if (value == null) {
      return 0;
    }
    if (value instanceof BigInteger big) {
      return big.longValue();
    }
    if (value instanceof Number number) {
      return number.longValue();
    }
    if (value instanceof Boolean bool) {
      return bool ? 1 : 0;
    }
    return new BigInteger(value.toString().strip()).longValue();
  }

  private static double real(Object value) {
    if (value == null) {
      return 0;
    }
    return value instanceof Number number
        ? number.doubleValue()
        : Double.parseDouble(value.toString().strip());
  }

  /**
   * JSONEachRow carries a DateTime as UTC wall-clock text, which the server reads in its own zone;
   * RowBinary carries the seconds it would have computed.
   */
  private static RowBinaryColumn dateTime(ZoneId serverZone) {
    boolean utc = serverZone.normalized().equals(ZoneOffset.UTC);
    return (out, stream, value) -> {
      long seconds =
          value == null
              ? 0
              : value instanceof Instant at ? at.getEpochSecond() : ((Number) value).longValue();
      if (!utc) {
        seconds =
            LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC)
                .atZone(serverZone)
                .toEpochSecond();
      }
      out.writeUInt32(seconds < 0 || seconds > 0xFFFF_FFFFL ? 0 : seconds);
    };
  }
}
