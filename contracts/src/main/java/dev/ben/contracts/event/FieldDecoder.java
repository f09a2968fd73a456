package dev.ben.contracts.event;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ben.contracts.model.FieldType;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Decodes one JSON value into an event slot according to the field type. Returns null on success,
 * otherwise the reason the value does not fit, phrased for the application developer who sent it.
 */
final class FieldDecoder {

  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private final long[] ipScratch = new long[2];

  String decode(JsonNode node, FieldType type, Event event, int field) {
    return switch (type) {
      case STRING ->
          node.isTextual() ? setText(event, field, node.textValue()) : expected("a string", node);
      case I8 -> signed(node, event, field, Byte.MIN_VALUE, Byte.MAX_VALUE, "i8");
      case I16 -> signed(node, event, field, Short.MIN_VALUE, Short.MAX_VALUE, "i16");
      case I32 -> signed(node, event, field, Integer.MIN_VALUE, Integer.MAX_VALUE, "i32");
      case I64 -> signed(node, event, field, Long.MIN_VALUE, Long.MAX_VALUE, "i64");
      case U8 -> signed(node, event, field, 0, 255, "u8");
      case U16 -> signed(node, event, field, 0, 65_535, "u16");
      case U32 -> signed(node, event, field, 0, 4_294_967_295L, "u32");
      case U64 -> unsigned64(node, event, field);
      case F32, F64 -> real(node, event, field, type);
      case BOOL -> bool(node, event, field);
      case TIMESTAMP -> timestamp(node, event, field);
      case IPV4, IPV6 -> ip(node, event, field, type);
      case UUID -> uuid(node, event, field);
    };
  }

  private static String setText(Event event, int field, String value) {
    event.setText(field, value);
    return null;
  }

  private static String expected(String what, JsonNode node) {
    return "expects " + what + ", got " + describe(node);
  }

  private static String describe(JsonNode node) {
    String text = node.toString();
    return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
        + " "
        + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
  }

  private static String signed(
      JsonNode node, Event event, int field, long min, long max, String type) {
    String range = type + " (" + min + ".." + max + ")";
    if (!node.isIntegralNumber()) {
      return expected("a whole number " + range, node);
    }
    if (!node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
      return "expects " + range + ", got " + node + " which is out of range";
    }
    event.setLong(field, node.longValue());
    return null;
  }

  private static String unsigned64(JsonNode node, Event event, int field) {
    if (!node.isIntegralNumber()) {
      return expected("a whole number u64 (0.." + U64_MAX + ")", node);
    }
    BigInteger value = node.bigIntegerValue();
    if (value.signum() < 0 || value.compareTo(U64_MAX) > 0) {
      return "expects u64 (0.." + U64_MAX + "), got " + node + " which is out of range";
    }
    event.setLong(field, value.longValue());
    return null;
  }

  private static String real(JsonNode node, Event event, int field, FieldType type) {
    if (!node.isNumber()) {
      return expected("a number (" + type.name().toLowerCase(java.util.Locale.ROOT) + ")", node);
    }
    double value = node.doubleValue();
    if (!Double.isFinite(value) || (type == FieldType.F32 && Math.abs(value) > Float.MAX_VALUE)) {
      return "expects a finite " + type.name().toLowerCase(java.util.Locale.ROOT) + ", got " + node;
    }
    event.setReal(field, value);
    return null;
  }

  private static String bool(JsonNode node, Event event, int field) {
    if (!node.isBoolean()) {
      return expected("true or false", node);
    }
    event.setLong(field, node.booleanValue() ? 1 : 0);
    return null;
  }

  private static String timestamp(JsonNode node, Event event, int field) {
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      event.setLong(field, node.longValue());
      return null;
    }
    if (!node.isTextual()) {
      return expected("epoch milliseconds or ISO-8601 text such as 2024-05-01T12:00:00Z", node);
    }
    long millis = Timestamps.parseIsoMillis(node.textValue());
    if (millis != Timestamps.UNKNOWN) {
      event.setLong(field, millis);
      return null;
    }
    try {
      event.setLong(field, OffsetDateTime.parse(node.textValue()).toInstant().toEpochMilli());
      return null;
    } catch (DateTimeParseException | ArithmeticException e) {
      try {
        event.setLong(field, Instant.parse(node.textValue()).toEpochMilli());
        return null;
      } catch (DateTimeParseException | ArithmeticException again) {
        return "expects an ISO-8601 timestamp with zone such as 2024-05-01T12:00:00Z, got \""
            + node.textValue()
            + "\"";
      }
    }
  }

  private String ip(JsonNode node, Event event, int field, FieldType type) {
    if (!node.isTextual()) {
      return expected("an IP address as text", node);
    }
    String text = node.textValue();
    if (!IpAddresses.parse(text, ipScratch)) {
      return "expects "
          + (type == FieldType.IPV4 ? "an IPv4 address such as 192.0.2.1" : "an IP address")
          + ", got malformed \""
          + text
          + "\"";
    }
    boolean v4 = IpAddresses.isV4Mapped(ipScratch[0], ipScratch[1]);
    if (type == FieldType.IPV4 && !v4) {
      return "expects an IPv4 address, got the IPv6 address \""
          + text
          + "\" (declare the field ipv6)";
    }
    event.setIp(
        field,
        ipScratch[0],
        ipScratch[1],
        IpAddresses.format(ipScratch[0], ipScratch[1], type == FieldType.IPV4));
    return null;
  }

  static boolean isUuid(String text) {
    return UUID_TEXT.matcher(text).matches();
  }

  private static String uuid(JsonNode node, Event event, int field) {
    if (!node.isTextual() || !isUuid(node.textValue())) {
      return expected("a UUID such as 123e4567-e89b-12d3-a456-426614174000", node);
    }
    event.setText(field, node.textValue().toLowerCase(java.util.Locale.ROOT));
    return null;
  }
}
