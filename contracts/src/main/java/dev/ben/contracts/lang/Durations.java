package dev.ben.contracts.lang;

/** Duration literals ({@code 500ms 30s 5m 1h 1d}) and their conversion to milliseconds. */
public final class Durations {

  private Durations() {}

  public static boolean isUnit(String unit) {
    return switch (unit) {
      case "ms", "s", "m", "h", "d" -> true;
      default -> false;
    };
  }

  /**
   * Milliseconds of a duration token such as {@code 5m}, or -1 when the amount overflows, so the
   * checker can report the range instead of silently wrapping.
   */
  public static long toMillis(String literal) {
    int split = 0;
    while (split < literal.length() && Character.isDigit(literal.charAt(split))) {
      split++;
    }
    long factor =
        switch (literal.substring(split)) {
          case "ms" -> 1L;
          case "s" -> 1_000L;
          case "m" -> 60_000L;
          case "h" -> 3_600_000L;
          case "d" -> 86_400_000L;
          default -> 0L;
        };
    try {
      return Math.multiplyExact(Long.parseLong(literal.substring(0, split)), factor);
    } catch (ArithmeticException | NumberFormatException overflow) {
      return -1;
    }
  }
}
