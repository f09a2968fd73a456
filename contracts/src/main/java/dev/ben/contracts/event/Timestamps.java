package dev.ben.contracts.event;

/**
 * ISO-8601 timestamps as events carry them, read without {@code java.time}'s formatter on the hot
 * path: {@link #parseIsoMillis} reads the common strict form {@code yyyy-MM-ddTHH:mm:ss[.f…](Z|
 * ±HH:MM)} itself and says {@link #UNKNOWN} for everything else (lower-case letters, omitted
 * seconds, five-digit years, odd offsets, malformed text), which the caller then hands to the JDK's
 * parser. So whatever this class reads, the JDK reads to the same instant; it only decides faster.
 */
public final class Timestamps {

  /** Not read here: ask the JDK (which may accept it in a rarer form, or refuse it). */
  public static final long UNKNOWN = Long.MIN_VALUE;

  /** The first and last instants whose year has four digits, where {@link #formatIso} writes. */
  private static final long FIRST_FOUR_DIGIT_YEAR = -62_167_219_200_000L;

  private static final long LAST_FOUR_DIGIT_YEAR = 253_402_300_799_999L;

  private Timestamps() {}

  /**
   * The text {@code Instant.ofEpochMilli(millis).toString()} gives (seconds always written, the
   * milliseconds only when not zero), without java.time's formatter for years 0000 to 9999.
   */
  public static String formatIso(long millis) {
    if (millis < FIRST_FOUR_DIGIT_YEAR || millis > LAST_FOUR_DIGIT_YEAR) {
      return java.time.Instant.ofEpochMilli(millis).toString();
    }
    long day = Math.floorDiv(millis, 86_400_000L);
    int ofDay = (int) Math.floorMod(millis, 86_400_000L);
    // Days to a civil date (Howard Hinnant's algorithm, as LocalDate.ofEpochDay computes it).
    long shifted = day + 719_468;
    long era = Math.floorDiv(shifted, 146_097);
    int ofEra = (int) (shifted - era * 146_097);
    int yearOfEra = (ofEra - ofEra / 1_460 + ofEra / 36_524 - ofEra / 146_096) / 365;
    int dayOfYear = ofEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    int shiftedMonth = (5 * dayOfYear + 2) / 153;
    int dayOfMonth = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
    int month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
    int year = (int) (yearOfEra + era * 400) + (month <= 2 ? 1 : 0);
    int milli = ofDay % 1000;
    byte[] text = new byte[milli == 0 ? 20 : 24];
    write(text, 0, year, 4);
    text[4] = '-';
    write(text, 5, month, 2);
    text[7] = '-';
    write(text, 8, dayOfMonth, 2);
    text[10] = 'T';
    write(text, 11, ofDay / 3_600_000, 2);
    text[13] = ':';
    write(text, 14, ofDay / 60_000 % 60, 2);
    text[16] = ':';
    write(text, 17, ofDay / 1000 % 60, 2);
    if (milli != 0) {
      text[19] = '.';
      write(text, 20, milli, 3);
    }
    text[text.length - 1] = 'Z';
    return new String(text, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  private static void write(byte[] text, int at, int value, int digits) {
    for (int i = at + digits - 1; i >= at; i--) {
      text[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
  }

  /**
   * Epoch milliseconds of the text (the fraction truncated as the JDK does), or {@link #UNKNOWN}.
   */
  public static long parseIsoMillis(CharSequence text) {
    int n = text.length();
    if (n < 20
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return UNKNOWN;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || day > daysInMonth(year, month)
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59) {
      return UNKNOWN;
    }
    int i = 19;
    long nanos = 0;
    if (text.charAt(i) == '.') {
      int start = ++i;
      while (i < n && i - start < 9 && isDigit(text.charAt(i))) {
        nanos = nanos * 10 + (text.charAt(i) - '0');
        i++;
      }
      int length = i - start;
      if (length == 0) {
        return UNKNOWN;
      }
      for (int pad = length; pad < 9; pad++) {
        nanos *= 10;
      }
    }
    int offsetSeconds = offset(text, i);
    if (offsetSeconds == Integer.MIN_VALUE) {
      return UNKNOWN;
    }
    long epochSecond =
        epochDay(year, month, day) * 86_400L
            + hour * 3_600L
            + minute * 60L
            + second
            - offsetSeconds;
    return epochSecond * 1000 + nanos / 1_000_000;
  }

  /** Seconds east of UTC of a {@code Z} or {@code ±HH:MM} ending at the text's end, else MIN. */
  private static int offset(CharSequence text, int at) {
    int n = text.length();
    if (at == n - 1 && text.charAt(at) == 'Z') {
      return 0;
    }
    if (at != n - 6 || text.charAt(at + 3) != ':') {
      return Integer.MIN_VALUE;
    }
    char sign = text.charAt(at);
    int hours = digits(text, at + 1, 2);
    int minutes = digits(text, at + 4, 2);
    if ((sign != '+' && sign != '-') || hours < 0 || hours > 17 || minutes < 0 || minutes > 59) {
      return Integer.MIN_VALUE;
    }
    int seconds = hours * 3_600 + minutes * 60;
    return sign == '-' ? -seconds : seconds;
  }

  /** The decimal value of {@code count} ASCII digits from {@code from}, or -1. */
  private static int digits(CharSequence text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int daysInMonth(int year, int month) {
    return switch (month) {
      case 2 -> isLeap(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  private static boolean isLeap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (the algorithm of LocalDate). */
  private static long epochDay(int year, int month, int day) {
    long y = year;
    long total = 365 * y;
    total += (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
    total += (367L * month - 362) / 12;
    total += day - 1;
    if (month > 2) {
      total--;
      if (!isLeap(year)) {
        total--;
      }
    }
    return total - 719_528;
  }
}
