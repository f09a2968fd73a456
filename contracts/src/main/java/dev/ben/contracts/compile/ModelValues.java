package dev.ben.contracts.compile;

import dev.ben.contracts.check.LiteralChecker;
import dev.ben.contracts.check.Prim;
import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.lang.Literal;
import dev.ben.contracts.lang.TokenKind;
import dev.ben.contracts.model.CompareOp;
import dev.ben.contracts.model.FieldType;
import java.math.BigInteger;
import java.time.Instant;

/** Conversions from checked source values to model values. */
final class ModelValues {

  private ModelValues() {}

  static FieldType type(Prim prim) {
    return FieldType.valueOf(prim.name());
  }

  /**
   * A source literal as a model literal of the given type: integers (and timestamps, as epoch
   * milliseconds) become {@code Int} (u64 as its unsigned bit pattern), floats {@code Real},
   * booleans {@code Bool}, everything else canonical {@code Text}. The literal was checked already,
   * so conversion cannot fail.
   */
  static dev.ben.contracts.model.Literal literal(Literal literal, Prim type) {
    return of(checked(literal, type));
  }

  /** The literal's checked value (see {@link LiteralChecker}). */
  static Object checked(Literal literal, Prim type) {
    return new LiteralChecker(new Diagnostics()).value(literal, type, "");
  }

  /** A checked value (as {@link LiteralChecker} produces it) as a model literal. */
  static dev.ben.contracts.model.Literal of(Object value) {
    if (value instanceof Long number) {
      return new dev.ben.contracts.model.Literal.Int(number);
    }
    if (value instanceof BigInteger unsigned) {
      // Only u64 values above Long.MAX_VALUE get here; engines read u64 constants as the unsigned
      // bit pattern.
      return new dev.ben.contracts.model.Literal.Int(unsigned.longValue());
    }
    if (value instanceof Double number) {
      return new dev.ben.contracts.model.Literal.Real(number);
    }
    if (value instanceof Boolean bool) {
      return new dev.ben.contracts.model.Literal.Bool(bool);
    }
    return new dev.ben.contracts.model.Literal.Text(String.valueOf(value));
  }

  /** A checked list value as canonical text; timestamps as ISO-8601 instants. */
  static String text(Object value, Prim type) {
    if (type == Prim.TIMESTAMP && value instanceof Long millis) {
      return Instant.ofEpochMilli(millis).toString();
    }
    return String.valueOf(value);
  }

  static CompareOp op(TokenKind kind) {
    return switch (kind) {
      case EQ -> CompareOp.EQ;
      case NE -> CompareOp.NE;
      case LT -> CompareOp.LT;
      case LE -> CompareOp.LE;
      case GT -> CompareOp.GT;
      case GE -> CompareOp.GE;
      default -> throw new IllegalArgumentException("not a comparison: " + kind);
    };
  }

  /** The operator seen from the other side: {@code 20 < x} is {@code x > 20}. */
  static CompareOp flip(CompareOp op) {
    return switch (op) {
      case LT -> CompareOp.GT;
      case LE -> CompareOp.GE;
      case GT -> CompareOp.LT;
      case GE -> CompareOp.LE;
      default -> op;
    };
  }

  static long integer(Literal literal) {
    return Long.parseLong(literal.source());
  }

  static double decimal(Literal literal) {
    return Double.parseDouble(literal.source());
  }
}
