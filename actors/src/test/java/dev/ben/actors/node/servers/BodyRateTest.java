package dev.ben.actors.node.servers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BodyRateTest {

  private static final long SECOND = 1_000_000_000L;

  /** 100 bytes per second over every 10 s of waiting. */
  private final BodyRate rate = new BodyRate(100, Duration.ofSeconds(10));

  @Test
  void aTrickleBelowTheRateFailsOnceAWindowOfWaitingHasPassed() {
    rate.asked(0);
    rate.received(1, 5 * SECOND);
    rate.asked(5 * SECOND);
    assertFalse(rate.tooSlow(9 * SECOND), "not a whole window yet");
    assertTrue(rate.tooSlow(10 * SECOND));
  }

  @Test
  void enoughBytesPerWindowKeepTheBodyGoing() {
    rate.asked(0);
    rate.received(1000, 10 * SECOND);
    assertFalse(rate.tooSlow(10 * SECOND));
    rate.asked(10 * SECOND);
    rate.received(1000, 20 * SECOND);
    assertFalse(rate.tooSlow(20 * SECOND), "each window is judged afresh");
  }

  @Test
  void timeTheServerDoesNotAskForBytesIsNotTheClients() {
    rate.asked(0);
    rate.received(600, 6 * SECOND);
    // The server holds the body back (a full pipeline) for a minute, then asks again.
    rate.asked(66 * SECOND);
    rate.received(400, 70 * SECOND);
    assertFalse(rate.tooSlow(70 * SECOND), "1000 bytes over 10 s of waiting");
  }
}
