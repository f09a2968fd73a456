package dev.ben.contracts.model;

/**
 * The scalar types a schema field can have, with the ClickHouse (18.16-compatible) column type for
 * each.
 */
public enum FieldType {
  STRING("String"),
  I8("Int8"),
  I16("Int16"),
  I32("Int32"),
  I64("Int64"),
  U8("UInt8"),
  U16("UInt16"),
  U32("UInt32"),
  U64("UInt64"),
  F32("Float32"),
  F64("Float64"),
  BOOL("UInt8"),
  TIMESTAMP("DateTime"),
  IPV4("IPv4"),
  IPV6("IPv6"),
  UUID("UUID");

  private final String clickHouseType;

  FieldType(String clickHouseType) {
    this.clickHouseType = clickHouseType;
  }

  public String clickHouseType() {
    return clickHouseType;
  }

  public boolean isInteger() {
    return switch (this) {
      case I8, I16, I32, I64, U8, U16, U32, U64 -> true;
      default -> false;
    };
  }

  public boolean isFloat() {
    return this == F32 || this == F64;
  }

  /**
   * Numeric in the sense of comparisons and aggregates; timestamps compare as epoch milliseconds.
   */
  public boolean isNumeric() {
    return isInteger() || isFloat() || this == TIMESTAMP;
  }

  public boolean isUnsigned() {
    return this == U8 || this == U16 || this == U32 || this == U64;
  }

  public boolean isIp() {
    return this == IPV4 || this == IPV6;
  }

  /** Text-like values support string operators (starts_with, contains, matches, fuzzy, masks). */
  public boolean isText() {
    return this == STRING || this == UUID || isIp();
  }
}
