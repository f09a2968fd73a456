package dev.ben.contracts.event;

import dev.ben.contracts.model.FieldType;
import dev.ben.contracts.model.Schema;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One event of a schema. Values live in parallel arrays indexed by field position; a slot's {@link
 * ValueKind} says which array holds it. Redaction may turn any slot into text or remove it, which
 * is why readers check the kind instead of trusting the schema type. Not thread-safe: one stage
 * owns an event at a time.
 */
public final class Event {

  private final Schema schema;
  private final ValueKind[] kinds;
  private final long[] longs;

  /** The low word of an IP slot, or the raw bits of a REAL slot's double: one array for both. */
  private final long[] lows;

  private final Object[] refs;

  public Event(Schema schema) {
    this.schema = schema;
    int size = schema.fields().size();
    this.kinds = new ValueKind[size];
    Arrays.fill(kinds, ValueKind.ABSENT);
    this.longs = new long[size];
    this.lows = new long[size];
    this.refs = new Object[size];
  }

  public Schema schema() {
    return schema;
  }

  public int size() {
    return kinds.length;
  }

  public ValueKind kind(int field) {
    return kinds[field];
  }

  public boolean isPresent(int field) {
    return kinds[field] != ValueKind.ABSENT;
  }

  /** The whole number in an INTEGER slot (u64 as raw bits, booleans 0/1, timestamps epoch ms). */
  public long longValue(int field) {
    return longs[field];
  }

  /** The number in a REAL slot (meaningless for other kinds). */
  public double realValue(int field) {
    return Double.longBitsToDouble(lows[field]);
  }

  /** The text of a TEXT or IP slot; null for other kinds. */
  public String text(int field) {
    ValueKind kind = kinds[field];
    return kind == ValueKind.TEXT || kind == ValueKind.IP ? (String) refs[field] : null;
  }

  public long ipHigh(int field) {
    return longs[field];
  }

  public long ipLow(int field) {
    return lows[field];
  }

  /** Numeric view for detectors: INTEGER (signed or unsigned per schema type) or REAL, else NaN. */
  public double numeric(int field) {
    return switch (kinds[field]) {
      case INTEGER ->
          schema.fields().get(field).type() == FieldType.U64
              ? unsignedToDouble(longs[field])
              : longs[field];
      case REAL -> realValue(field);
      default -> Double.NaN;
    };
  }

  private static double unsignedToDouble(long bits) {
    return bits >= 0 ? bits : (double) (bits >>> 1) * 2.0;
  }

  public void setLong(int field, long value) {
    kinds[field] = ValueKind.INTEGER;
    longs[field] = value;
    refs[field] = null;
  }

  public void setReal(int field, double value) {
    kinds[field] = ValueKind.REAL;
    lows[field] = Double.doubleToRawLongBits(value);
    refs[field] = null;
  }

  public void setText(int field, String value) {
    kinds[field] = ValueKind.TEXT;
    refs[field] = value;
  }

  public void setIp(int field, long high, long low, String text) {
    kinds[field] = ValueKind.IP;
    longs[field] = high;
    lows[field] = low;
    refs[field] = text;
  }

  public void setArray(int field, List<Object> values) {
    kinds[field] = ValueKind.ARRAY;
    refs[field] = List.copyOf(values);
  }

  public void clear(int field) {
    kinds[field] = ValueKind.ABSENT;
    refs[field] = null;
  }

  /** An independent copy, e.g. to keep the original beside the redacted event in test output. */
  public Event copy() {
    var copy = new Event(schema);
    System.arraycopy(kinds, 0, copy.kinds, 0, kinds.length);
    System.arraycopy(longs, 0, copy.longs, 0, longs.length);
    System.arraycopy(lows, 0, copy.lows, 0, lows.length);
    System.arraycopy(refs, 0, copy.refs, 0, refs.length);
    return copy;
  }

  /**
   * The value as a plain Java object for output (Long, Double, Boolean, String, List or null): u64
   * as its decimal text when above Long.MAX_VALUE, timestamps as ISO-8601 text. Allocates; not for
   * the hot path.
   */
  public Object plainValue(int field) {
    FieldType type = schema.fields().get(field).type();
    return switch (kinds[field]) {
      case ABSENT -> null;
      case INTEGER ->
          switch (type) {
            case BOOL -> longs[field] != 0;
            case TIMESTAMP -> Timestamps.formatIso(longs[field]);
            case U64 ->
                longs[field] >= 0 ? (Object) longs[field] : Long.toUnsignedString(longs[field]);
            default -> longs[field];
          };
      case REAL -> realValue(field);
      case TEXT, IP, ARRAY -> refs[field];
    };
  }

  /**
   * Field name to plain value, in schema order; absent fields are left out. Read-only, and
   * independent of later changes to this event.
   */
  public Map<String, Object> toPlainMap() {
    int present = 0;
    for (ValueKind kind : kinds) {
      if (kind != ValueKind.ABSENT) {
        present++;
      }
    }
    String[] names = new String[present];
    Object[] values = new Object[present];
    int at = 0;
    for (int i = 0; i < kinds.length; i++) {
      if (kinds[i] != ValueKind.ABSENT) {
        names[at] = schema.fields().get(i).name();
        values[at++] = plainValue(i);
      }
    }
    return new PlainValues(names, values);
  }

  @Override
  public String toString() {
    return schema.name() + toPlainMap();
  }
}
