package dev.ben.contracts.check;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/** The scalar types of the language. */
public enum Prim {
  STRING("string"),
  I8("i8", -128, 127),
  I16("i16", -32_768, 32_767),
  I32("i32", Integer.MIN_VALUE, Integer.MAX_VALUE),
  I64("i64", Long.MIN_VALUE, Long.MAX_VALUE),
  U8("u8", 0, 255),
  U16("u16", 0, 65_535),
  U32("u32", 0, 4_294_967_295L),
  U64("u64", 0, Long.MAX_VALUE),
  F32("f32"),
  F64("f64"),
  BOOL("bool"),
  TIMESTAMP("timestamp"),
  IPV4("ipv4"),
  IPV6("ipv6"),
  UUID("uuid");

  private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private final String spelling;
  private final BigInteger min;
  private final BigInteger max;

  Prim(String spelling) {
    this.spelling = spelling;
    this.min = null;
    this.max = null;
  }

  Prim(String spelling, long min, long max) {
    this.spelling = spelling;
    this.min = BigInteger.valueOf(min);
    this.max = spelling.equals("u64") ? null : BigInteger.valueOf(max);
  }

  public String spelling() {
    return spelling;
  }

  public boolean isInteger() {
    return min != null;
  }

  public boolean isFloat() {
    return this == F32 || this == F64;
  }

  public boolean isNumeric() {
    return isInteger() || isFloat();
  }

  /** Numbers and timestamps have an order; the other types only equality. */
  public boolean isOrdered() {
    return isNumeric() || this == TIMESTAMP;
  }

  public boolean isIp() {
    return this == IPV4 || this == IPV6;
  }

  public BigInteger minValue() {
    return min;
  }

  public BigInteger maxValue() {
    return this == U64 ? U64_MAX : max;
  }

  /** Whether every value of this type is also a value of {@code target} (used for assignments). */
  public boolean widensTo(Prim target) {
    if (this == target) {
      return true;
    }
    if (isInteger() && target.isInteger()) {
      return target.minValue().compareTo(minValue()) <= 0
          && target.maxValue().compareTo(maxValue()) >= 0;
    }
    return isNumeric() && target == F64 || (this == F32 && target == F64);
  }

  /** Whether values of the two types can be compared with each other. */
  public boolean comparableWith(Prim other) {
    return this == other || (isNumeric() && other.isNumeric());
  }

  public static Prim bySpelling(String spelling) {
    for (Prim prim : values()) {
      if (prim.spelling.equals(spelling)) {
        return prim;
      }
    }
    return null;
  }

  public static List<String> spellings() {
    return Arrays.stream(values()).map(Prim::spelling).toList();
  }
}
