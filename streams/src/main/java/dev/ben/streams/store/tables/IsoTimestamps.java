package dev.ben.streams.store.tables;

import dev.ben.contracts.event.Timestamps;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The whole seconds of an ISO-8601 timestamp, as {@link Instant#parse} reads it. Events nearly
 * always carry the one form {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, which {@link Timestamps} reads
 * digit by digit: through {@code DateTimeFormatter} it cost more than the rest of a row together.
 * Anything else goes to {@link Instant#parse}, so what is accepted and the seconds it gives never
 * differ from it.
 */
final class IsoTimestamps {

  private IsoTimestamps() {}

  /**
   * @throws DateTimeParseException when {@link Instant#parse} refuses the text
   */
  static long epochSeconds(String text) {
    long millis = Timestamps.parseIsoMillis(text);
    return millis != Timestamps.UNKNOWN
        ? Math.floorDiv(millis, 1000)
        : Instant.parse(text).getEpochSecond();
  }
}
