package dev.ben.contracts.engine.bitspec;

import dev.ben.contracts.event.Event;
import dev.ben.contracts.event.IpAddresses;
import dev.ben.contracts.event.ValueKind;
import dev.ben.contracts.model.FieldType;
import dev.ben.contracts.model.Literal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * A contract constant coerced once, at compile time, to the type of the field it is compared with.
 * {@link #compare} orders the event's value against it, or answers {@link #MISMATCH} when the value
 * is absent or of another kind (e.g. replaced by text during redaction) -- which makes the
 * predicate false, never an error.
 */
public abstract sealed class Operand {

  public static final int MISMATCH = Integer.MIN_VALUE;

  /** Sign of (event value - constant), or {@link #MISMATCH}. */
  public abstract int compare(Event event, int field);

  /**
   * Coerces {@code literal} for a field of {@code type}; {@code where} names the construct in
   * errors.
   */
  public static Operand of(Literal literal, FieldType type, String where) {
    String typeName = type.name().toLowerCase(Locale.ROOT);
    if (type.isFloat() && Literal.numeric(literal) != null) {
      return new Real(Literal.numeric(literal));
    }
    if (type.isInteger() || type == FieldType.TIMESTAMP || type == FieldType.BOOL) {
      if (literal instanceof Literal.Int i) {
        return new Whole(i.value(), type == FieldType.U64);
      }
      if (literal instanceof Literal.Real r && type != FieldType.BOOL) {
        return new Real(r.value());
      }
      if (literal instanceof Literal.Bool b && type == FieldType.BOOL) {
        return new Whole(b.value() ? 1 : 0, false);
      }
      if (literal instanceof Literal.Text t && type == FieldType.TIMESTAMP) {
        try {
          return new Whole(Instant.parse(t.value()).toEpochMilli(), false);
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException(
              where
                  + ": \""
                  + t.value()
                  + "\" is not an ISO-8601 instant such as 2024-05-01T12:00:00Z");
        }
      }
    }
    if ((type == FieldType.STRING || type == FieldType.UUID) && literal instanceof Literal.Text t) {
      return new Text(type == FieldType.UUID ? t.value().toLowerCase(Locale.ROOT) : t.value());
    }
    if (type.isIp() && literal instanceof Literal.Text t) {
      long[] address = new long[2];
      if (!IpAddresses.parse(t.value(), address)) {
        throw new IllegalArgumentException(where + ": \"" + t.value() + "\" is not an IP address");
      }
      return new Ip(address[0], address[1]);
    }
    throw new IllegalArgumentException(
        where
            + ": a "
            + typeName
            + " field cannot be compared with "
            + literal.getClass().getSimpleName().toLowerCase(Locale.ROOT)
            + " "
            + literal.text());
  }

  static final class Whole extends Operand {
    private final long value;
    private final boolean unsigned;

    Whole(long value, boolean unsigned) {
      this.value = value;
      this.unsigned = unsigned;
    }

    @Override
    public int compare(Event event, int field) {
      if (event.kind(field) != ValueKind.INTEGER) {
        return MISMATCH;
      }
      long actual = event.longValue(field);
      return Integer.signum(
          unsigned ? Long.compareUnsigned(actual, value) : Long.compare(actual, value));
    }
  }

  static final class Real extends Operand {
    private final double value;

    Real(double value) {
      this.value = value;
    }

    @Override
    public int compare(Event event, int field) {
      ValueKind kind = event.kind(field);
      if (kind != ValueKind.INTEGER && kind != ValueKind.REAL) {
        return MISMATCH;
      }
      return Integer.signum(Double.compare(event.numeric(field), value));
    }
  }

  static final class Text extends Operand {
    private final String value;

    Text(String value) {
      this.value = value;
    }

    @Override
    public int compare(Event event, int field) {
      if (event.kind(field) != ValueKind.TEXT) {
        return MISMATCH;
      }
      return Integer.signum(event.text(field).compareTo(value));
    }
  }

  static final class Ip extends Operand {
    private final long high;
    private final long low;

    Ip(long high, long low) {
      this.high = high;
      this.low = low;
    }

    @Override
    public int compare(Event event, int field) {
      if (event.kind(field) != ValueKind.IP) {
        return MISMATCH;
      }
      int byHigh = Long.compareUnsigned(event.ipHigh(field), high);
      return Integer.signum(byHigh != 0 ? byHigh : Long.compareUnsigned(event.ipLow(field), low));
    }
  }
}
