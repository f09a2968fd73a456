package dev.ben.streams.eventlog;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Event ids: UUIDv7 (RFC 9562), so ids sort by creation time and need no coordination between
 * nodes. The 48-bit millisecond time comes from the log's clock; within one millisecond the 12 bits
 * after the version count up (the RFC's "method 1"), so ids one generator makes are strictly
 * increasing even when the clock stands still; 62 random bits make them unique across generators.
 */
final class LogEventIds {

  private static final int COUNTER_BITS = 12;

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private long lastMillis = -1;
  private int counter;

  LogEventIds(Clock clock) {
    this.clock = clock;
  }

  synchronized String next() {
    long millis = Math.max(clock.millis(), lastMillis);
    if (millis == lastMillis) {
      counter++;
      if (counter >> COUNTER_BITS != 0) {
        // The counter ran out within one millisecond: borrow the next one, keeping order.
        millis++;
        counter = 0;
      }
    } else {
      counter = 0;
    }
    lastMillis = millis;
    long most = (millis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | counter;
    long least = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
    return new UUID(most, least).toString();
  }
}
