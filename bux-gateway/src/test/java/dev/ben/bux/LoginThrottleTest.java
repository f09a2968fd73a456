package dev.ben.bux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  /** A clock the test moves by hand. */
  private static final class HandClock extends Clock {
    private Instant now = Instant.parse("2026-12-04T12:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  private final HandClock clock = new HandClock();
  private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(1), clock);

  @Test
  void anAddressIsHeldBackAfterItsAllowedFailuresUntilTheOldestAgesOut() {
    throttle.attempted("10.0.0.1");
    clock.advance(Duration.ofSeconds(10));
    throttle.attempted("10.0.0.1");
    assertEquals(Optional.empty(), throttle.waitBeforeLogin("10.0.0.1"));
    throttle.attempted("10.0.0.1");
    assertEquals(Optional.of(Duration.ofSeconds(50)), throttle.waitBeforeLogin("10.0.0.1"));
    assertEquals(Optional.empty(), throttle.waitBeforeLogin("10.0.0.2"), "others are not held");

    clock.advance(Duration.ofSeconds(50));
    assertEquals(Optional.empty(), throttle.waitBeforeLogin("10.0.0.1"));
    throttle.attempted("10.0.0.1");
    assertEquals(Optional.of(Duration.ofSeconds(10)), throttle.waitBeforeLogin("10.0.0.1"));
  }

  @Test
  void aSuccessForgetsTheAddressAndAgedOutAddressesAreDropped() {
    throttle.attempted("10.0.0.1");
    throttle.attempted("10.0.0.1");
    throttle.succeeded("10.0.0.1");
    throttle.attempted("10.0.0.1");
    throttle.attempted("10.0.0.1");
    assertEquals(Optional.empty(), throttle.waitBeforeLogin("10.0.0.1"));

    clock.advance(Duration.ofMinutes(2));
    assertEquals(Optional.empty(), throttle.waitBeforeLogin("10.0.0.1"));
    assertEquals(0, throttle.addresses());
  }

  @Test
  void theNumberOfAddressesRememberedIsBounded() {
    for (int i = 0; i <= LoginThrottle.MAX_ADDRESSES; i++) {
      clock.advance(Duration.ofMillis(1));
      throttle.attempted("addr-" + i);
    }
    assertEquals(LoginThrottle.MAX_ADDRESSES, throttle.addresses());
    throttle.attempted("addr-" + LoginThrottle.MAX_ADDRESSES);
    throttle.attempted("addr-" + LoginThrottle.MAX_ADDRESSES);
    assertEquals(
        Optional.of(Duration.ofMinutes(1)),
        throttle.waitBeforeLogin("addr-" + LoginThrottle.MAX_ADDRESSES),
        "the newest address is kept; the stalest was forgotten");
  }
}
