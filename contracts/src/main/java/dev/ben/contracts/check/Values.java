package dev.ben.contracts.check;

import java.math.BigDecimal;

/** Ordering of checked constant values (as produced by {@link LiteralChecker}). */
final class Values {

  private Values() {}

  /**
   * Compares two values of the same type; numbers compare numerically whatever their Java class.
   */
  static int compare(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString()));
    }
    return a.toString().compareTo(b.toString());
  }
}
