package dev.ben.streams.store.tables;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The whole seconds of an ISO-8601 UTC timestamp, as {@link Instant#parse} reads it. Events nearly
 * always carry the one form {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, which is read here digit by
 * digit: through {@code DateTimeFormatter} it cost more than the rest of a row together. Anything
 * else (offsets, a day past the 28th, leap seconds, other years) goes to {@link Instant#parse}, so
 * what is accepted and the seconds it gives never differ from it.
 */
final class IsoTimestamps {

  private static final int[] DAYS_BEFORE_MONTH = {
    0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334
  };

  private IsoTimestamps() {}

  /**
   * @throws DateTimeParseException when {@link Instant#parse} refuses the text
   */
  static long epochSeconds(String text) {
    long fast = fast(text);
    return fast != Long.MIN_VALUE ? fast : Instant.parse(text).getEpochSecond();
  }

  /** The seconds, or {@code Long.MIN_VALUE} when the text is not in the common form. */
  private static long fast(String s) {
    int n = s.length();
    if (n < 20
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':'
        || s.charAt(n - 1) != 'Z') {
      return Long.MIN_VALUE;
    }
    if (n > 20 && !fraction(s, n)) {
      return Long.MIN_VALUE;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 1970
        || month < 1
        || month > 12
        || day < 1
        || day > 28
        || hour > 23
        || minute > 59
        || second > 59) {
      return Long.MIN_VALUE;
    }
    int leapDays = (year - 1969) / 4 - (year - 1901) / 100 + (year - 1601) / 400;
    boolean leapYear = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    long days =
        365L * (year - 1970)
            + leapDays
            + DAYS_BEFORE_MONTH[month - 1]
            + (leapYear && month > 2 ? 1 : 0)
            + day
            - 1;
    return days * 86_400 + hour * 3_600L + minute * 60L + second;
  }

  /** A dot and one to nine digits between the seconds and the Z. */
  private static boolean fraction(String s, int n) {
    if (s.charAt(19) != '.' || n < 22 || n > 30) {
      return false;
    }
    return digits(s, 20, n - 21) >= 0;
  }

  /** The decimal value of {@code count} digits at {@code from}, or -1 when one is not a digit. */
  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
