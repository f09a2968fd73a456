package dev.ben.benctl.events;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --since}: an ISO-8601 instant, epoch milliseconds, or a span back from now as kubectl
 * takes it ({@code 90s}, {@code 15m}, {@code 2h}, {@code 7d}).
 */
final class SinceOption {

  private static final Pattern SPAN = Pattern.compile("(\\d{1,9})([smhd])");

  private SinceOption() {}

  /** Epoch milliseconds; a value none of the forms reads is an {@link IllegalArgumentException}. */
  static long parse(String value, Instant now) {
    String text = value.strip().toLowerCase(Locale.ROOT);
    Matcher span = SPAN.matcher(text);
    if (span.matches()) {
      long amount = Long.parseLong(span.group(1));
      Duration back =
          switch (span.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
          };
      return now.minus(back).toEpochMilli();
    }
    if (text.matches("\\d{10,18}")) {
      return Long.parseLong(text);
    }
    try {
      return Instant.parse(value.strip()).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "--since takes a span back from now (90s, 15m, 2h, 7d), an ISO-8601 instant"
              + " (2026-12-05T10:00:00Z) or epoch milliseconds; got `"
              + value
              + "`");
    }
  }
}
