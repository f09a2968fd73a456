package dev.ben.contracts.lang;

import java.util.Set;

/** Duration literals: a whole number followed by ms, s, m, h or d. */
public final class Durations {

  static final Set<String> UNITS = Set.of("ms", "s", "m", "h", "d");

  private Durations() {}

  /** Milliseconds of a duration literal the lexer accepted; saturates instead of overflowing. */
  public static long millis(String literal) {
    int unitStart = 0;
    while (unitStart < literal.length() && (Character.isDigit(literal.charAt(unitStart)) || literal.charAt(unitStart) == '-')) {
      unitStart++;
    }
    long amount;
    try {
      amount = Long.parseLong(literal.substring(0, unitStart));
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
    long factor = switch (literal.substring(unitStart)) {
      case "ms" -> 1L;
      case "s" -> 1_000L;
      case "m" -> 60_000L;
      case "h" -> 3_600_000L;
      default -> 86_400_000L;
    };
    return amount > Long.MAX_VALUE / factor ? Long.MAX_VALUE : amount * factor;
  }
}
