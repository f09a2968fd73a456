package dev.ben.contracts.check;

import dev.ben.contracts.lang.Ast;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The scalar types of the language and what each supports. */
public enum FieldType {
  STRING, I8, I16, I32, I64, U8, U16, U32, U64, F32, F64, BOOL, TIMESTAMP, IPV4, IPV6, UUID;

  public String keyword() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<FieldType> parse(String keyword) {
    return Arrays.stream(values()).filter(t -> t.keyword().equals(keyword)).findFirst();
  }

  public static List<String> keywords() {
    return Arrays.stream(values()).map(FieldType::keyword).toList();
  }

  public boolean integer() {
    return this.ordinal() >= I8.ordinal() && this.ordinal() <= U64.ordinal();
  }

  public boolean numeric() {
    return integer() || this == F32 || this == F64 || this == TIMESTAMP;
  }

  public boolean ip() {
    return this == IPV4 || this == IPV6;
  }

  /** Types whose values are text in events and can be masked or truncated. */
  public boolean textual() {
    return this == STRING || this == UUID || ip();
  }

  /** Whether a literal of the given kind can be compared with a value of this type. */
  public boolean accepts(Ast.Literal.Kind literal) {
    return switch (literal) {
      case INT -> numeric();
      case FLOAT -> this == F32 || this == F64;
      case STRING -> textual() || this == TIMESTAMP;
      case BOOL -> this == BOOL;
      case NULL -> true;
      case DURATION, WORD -> false;
    };
  }

  /** A resolved type: scalar, array of scalar, optional. */
  public record Resolved(FieldType scalar, boolean array, boolean optional) {
    public String describe() {
      return (array ? "[" + scalar.keyword() + "]" : scalar.keyword()) + (optional ? "?" : "");
    }
  }
}
