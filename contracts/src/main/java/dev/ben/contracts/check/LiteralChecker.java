package dev.ben.contracts.check;

import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.lang.Literal;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Checks constants against the type they are used with and converts them to their value: {@code
 * Long} or {@code BigInteger} (u64 above Long.MAX_VALUE) for integers, {@code Double} for floats,
 * {@code Boolean}, epoch milliseconds ({@code Long}) for timestamps, and canonical {@code String}s
 * for the rest.
 */
public final class LiteralChecker {
  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final Diagnostics diagnostics;

  public LiteralChecker(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** The literal's value as the given type, or null after reporting why it does not fit. */
  public Object value(Literal literal, Prim type, String context) {
    if (literal instanceof Literal.Num num && type.isNumeric()) {
      return number(num, type, context);
    }
    if (literal instanceof Literal.Bool bool && type == Prim.BOOL) {
      return bool.value();
    }
    if (literal instanceof Literal.Str str && isTextual(type)) {
      return text(str, type, context);
    }
    diagnostics.error(
        literal.span(),
        "expected " + article(type) + " value " + context + ", found `" + literal.source() + "`",
        hintFor(type));
    return null;
  }

  private static boolean isTextual(Prim type) {
    return switch (type) {
      case STRING, TIMESTAMP, IPV4, IPV6, UUID -> true;
      default -> false;
    };
  }

  private static String article(Prim type) {
    boolean vowelSound = type.spelling().startsWith("i");
    return (vowelSound ? "an `" : "a `") + type.spelling() + "`";
  }

  private static String hintFor(Prim type) {
    return switch (type) {
      case STRING -> "strings are written in double quotes: \"text\"";
      case TIMESTAMP ->
          "timestamps are written as quoted ISO-8601 instants: \"2024-01-31T12:00:00Z\"";
      case IPV4 -> "IPv4 addresses are quoted: \"10.0.0.1\"";
      case IPV6 -> "IPv6 addresses are quoted: \"2001:db8::1\"";
      case UUID -> "UUIDs are quoted: \"123e4567-e89b-12d3-a456-426614174000\"";
      case BOOL -> "use `true` or `false`";
      default -> "write a number such as 42 or 0.5";
    };
  }

  private Object number(Literal.Num num, Prim type, String context) {
    if (type.isFloat()) {
      double value = Double.parseDouble(num.text());
      if (Double.isInfinite(value) || (type == Prim.F32 && Math.abs(value) > Float.MAX_VALUE)) {
        diagnostics.error(
            num.span(), "number " + num.text() + " is out of range for `" + type.spelling() + "`");
        return null;
      }
      return value;
    }
    if (num.decimal()) {
      diagnostics.error(
          num.span(),
          "expected a whole number for `"
              + type.spelling()
              + "` "
              + context
              + ", found `"
              + num.text()
              + "`");
      return null;
    }
    BigInteger value = new BigDecimal(num.text()).toBigIntegerExact();
    if (value.compareTo(type.minValue()) < 0 || value.compareTo(type.maxValue()) > 0) {
      diagnostics.error(
          num.span(),
          "number "
              + num.text()
              + " is out of range for `"
              + type.spelling()
              + "` ("
              + type.minValue()
              + ".."
              + type.maxValue()
              + ")");
      return null;
    }
    return value.bitLength() < 64 ? (Object) value.longValue() : value;
  }

  private Object text(Literal.Str str, Prim type, String context) {
    String value = str.value();
    return switch (type) {
      case TIMESTAMP -> timestamp(str);
      case IPV4 ->
          NetworkLiterals.isIpv4(value)
              ? value
              : bad(
                  str,
                  "`" + value + "` is not an IPv4 address",
                  "write four numbers 0-255 separated by dots, e.g. \"10.0.0.1\"");
      case IPV6 ->
          NetworkLiterals.isIpv6(value)
              ? value
              : bad(str, "`" + value + "` is not an IPv6 address", "e.g. \"2001:db8::1\"");
      case UUID ->
          UUID.matcher(value).matches()
              ? value.toLowerCase()
              : bad(
                  str,
                  "`" + value + "` is not a UUID",
                  "e.g. \"123e4567-e89b-12d3-a456-426614174000\"");
      default -> value;
    };
  }

  private Object timestamp(Literal.Str str) {
    try {
      return Instant.parse(str.value()).toEpochMilli();
    } catch (DateTimeParseException notInstant) {
      try {
        return OffsetDateTime.parse(str.value()).toInstant().toEpochMilli();
      } catch (DateTimeParseException notOffset) {
        return bad(
            str,
            "`" + str.value() + "` is not a timestamp",
            "write an ISO-8601 instant such as \"2024-01-31T12:00:00Z\"");
      }
    }
  }

  private Object bad(Literal.Str str, String message, String hint) {
    diagnostics.error(str.span(), message, hint);
    return null;
  }

  /**
   * A whole number within {@code [min, max]}, or null after reporting; {@code what} names the
   * setting.
   */
  public Long integerIn(Literal literal, long min, long max, String what) {
    if (literal instanceof Literal.Num num && !num.decimal()) {
      BigInteger value = new BigInteger(num.text());
      if (value.compareTo(BigInteger.valueOf(min)) >= 0
          && value.compareTo(BigInteger.valueOf(max)) <= 0) {
        return value.longValue();
      }
    }
    diagnostics.error(
        literal.span(),
        what
            + " must be a whole number between "
            + min
            + " and "
            + max
            + ", found `"
            + literal.source()
            + "`");
    return null;
  }

  /** A number within {@code (minExclusive or [min], max]}, or null after reporting. */
  public Double decimalIn(
      Literal literal, double min, boolean minInclusive, double max, String what) {
    if (literal instanceof Literal.Num num) {
      double value = Double.parseDouble(num.text());
      boolean aboveMin = minInclusive ? value >= min : value > min;
      if (aboveMin && value <= max) {
        return value;
      }
    }
    diagnostics.error(
        literal.span(),
        what
            + " must be a number "
            + (minInclusive ? "from " + fmt(min) + " to " : "above " + fmt(min) + " and at most ")
            + fmt(max)
            + ", found `"
            + literal.source()
            + "`");
    return null;
  }

  /** Milliseconds of a duration within bounds, or null after reporting. */
  public Long durationIn(
      Literal.Duration duration, long minMillis, long maxMillis, String what, String range) {
    long millis = duration.millis();
    if (millis >= minMillis && millis <= maxMillis) {
      return millis;
    }
    diagnostics.error(
        duration.span(), what + " must be between " + range + ", found `" + duration.text() + "`");
    return null;
  }

  private static String fmt(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
