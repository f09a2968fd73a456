package dev.ben.contracts.event;

import dev.ben.contracts.model.FieldType;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Values of a flat line into an event's slot, as {@link StreamingTranslator} decodes the same
 * tokens: each answers false for a value that does not plainly fit (the caller then hands the line
 * on to Jackson), so every value accepted here is the one the streaming path would set.
 */
final class FlatValues {

  private FlatValues() {}

  /** A plain ASCII string, bytes {@code from} to {@code to} (exclusive) of the line. */
  static boolean text(
      FieldType type,
      byte[] line,
      int from,
      int to,
      int field,
      Event event,
      AsciiWindow window,
      long[] ip) {
    switch (type) {
      case STRING -> {
        event.setText(field, new String(line, from, to - from, StandardCharsets.ISO_8859_1));
        return true;
      }
      case TIMESTAMP -> {
        long millis = Timestamps.parseIsoMillis(window.show(line, from, to - from));
        if (millis == Timestamps.UNKNOWN) {
          return false;
        }
        event.setLong(field, millis);
        return true;
      }
      case IPV4, IPV6 -> {
        if (!IpAddresses.parse(window.show(line, from, to - from), ip)) {
          return false;
        }
        boolean v4 = IpAddresses.isV4Mapped(ip[0], ip[1]);
        if (type == FieldType.IPV4 && !v4) {
          return false;
        }
        event.setIp(field, ip[0], ip[1], IpAddresses.format(ip[0], ip[1], type == FieldType.IPV4));
        return true;
      }
      case UUID -> {
        String text = new String(line, from, to - from, StandardCharsets.ISO_8859_1);
        if (!FieldDecoder.isUuid(text)) {
          return false;
        }
        event.setText(field, text.toLowerCase(Locale.ROOT));
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  /** The number the tokens just read, starting at byte {@code from} of the line. */
  static boolean number(FieldType type, FlatTokens tokens, int from, int field, Event event) {
    if (type == FieldType.F32 || type == FieldType.F64) {
      return real(type, tokens, from, field, event);
    }
    if (tokens.isReal()) {
      return false;
    }
    if (!tokens.wholeFitsLong()) {
      return type == FieldType.U64 && unsigned64(tokens, from, field, event);
    }
    long value = tokens.wholeValue();
    boolean fits =
        switch (type) {
          case I8 -> value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE;
          case I16 -> value >= Short.MIN_VALUE && value <= Short.MAX_VALUE;
          case I32 -> value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
          case I64, TIMESTAMP -> true;
          case U8 -> value >= 0 && value <= 255;
          case U16 -> value >= 0 && value <= 65_535;
          case U32 -> value >= 0 && value <= 4_294_967_295L;
          case U64 -> value >= 0;
          default -> false;
        };
    if (fits) {
      event.setLong(field, value);
    }
    return fits;
  }

  /** Past Long.MAX_VALUE a u64 is kept as its low 64 bits, as the streaming path keeps it. */
  private static boolean unsigned64(FlatTokens tokens, int from, int field, Event event) {
    byte[] line = tokens.line();
    if (line[from] == '-') {
      return false;
    }
    try {
      event.setLong(
          field,
          Long.parseUnsignedLong(
              new String(line, from, tokens.position() - from, StandardCharsets.ISO_8859_1)));
      return true;
    } catch (NumberFormatException beyond) {
      return false;
    }
  }

  private static boolean real(FieldType type, FlatTokens tokens, int from, int field, Event event) {
    double value =
        tokens.isReal()
            ? Double.parseDouble(
                new String(
                    tokens.line(), from, tokens.position() - from, StandardCharsets.ISO_8859_1))
            : tokens.wholeFitsLong() ? tokens.wholeValue() : Double.NaN;
    if (!Double.isFinite(value) || (type == FieldType.F32 && Math.abs(value) > Float.MAX_VALUE)) {
      return false;
    }
    event.setReal(field, value);
    return true;
  }
}
