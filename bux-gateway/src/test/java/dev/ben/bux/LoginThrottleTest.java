package dev.ben.bux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

  private static final Optional<Duration> ADMITTED = Optional.empty();

  @Test
  void anAddressIsHeldBackAfterItsAllowedAttemptsUntilTheOldestAgesOut() {
    assertEquals(ADMITTED, throttle.admit("10.0.0.1"));
    clock.advance(Duration.ofSeconds(10));
    assertEquals(ADMITTED, throttle.admit("10.0.0.1"));
    assertEquals(ADMITTED, throttle.admit("10.0.0.1"));
    assertEquals(Optional.of(Duration.ofSeconds(50)), throttle.admit("10.0.0.1"));
    assertEquals(ADMITTED, throttle.admit("10.0.0.2"), "others are not held");

    clock.advance(Duration.ofSeconds(50));
    assertEquals(ADMITTED, throttle.admit("10.0.0.1"), "the oldest attempt aged out");
    assertEquals(Optional.of(Duration.ofSeconds(10)), throttle.admit("10.0.0.1"));
  }

  @Test
  void aHeldLoginIsNotCountedAsAnotherAttempt() {
    for (int i = 0; i < 3; i++) {
      throttle.admit("10.0.0.1");
    }
    clock.advance(Duration.ofSeconds(30));
    for (int i = 0; i < 10; i++) {
      assertEquals(Optional.of(Duration.ofSeconds(30)), throttle.admit("10.0.0.1"));
    }
    clock.advance(Duration.ofSeconds(30));
    assertEquals(ADMITTED, throttle.admit("10.0.0.1"), "only the three admitted ones had counted");
  }

  @Test
  void parallelLoginsFromOneAddressAreAdmittedOnlyUpToTheAllowedNumber() throws Exception {
    int callers = 16;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Optional<Duration>>> answers = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return throttle.admit("10.0.0.1");
                }));
      }
      start.countDown();
      int admitted = 0;
      for (Future<Optional<Duration>> answer : answers) {
        admitted += answer.get(30, TimeUnit.SECONDS).isEmpty() ? 1 : 0;
      }
      assertEquals(3, admitted);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aSuccessForgetsTheAddressAndAgedOutAddressesAreDropped() {
    throttle.admit("10.0.0.1");
    throttle.admit("10.0.0.1");
    throttle.succeeded("10.0.0.1");
    throttle.admit("10.0.0.1");
    throttle.admit("10.0.0.1");
    assertEquals(ADMITTED, throttle.admit("10.0.0.1"), "the two before the success are forgotten");

    clock.advance(Duration.ofMinutes(2));
    assertEquals(ADMITTED, throttle.admit("10.0.0.1"));
    assertEquals(ADMITTED, throttle.admit("10.0.0.1"));
    assertEquals(ADMITTED, throttle.admit("10.0.0.1"), "the aged-out attempts were dropped");
    assertEquals(1, throttle.addresses());
  }

  @Test
  void theNumberOfAddressesRememberedIsBounded() {
    for (int i = 0; i <= LoginThrottle.MAX_ADDRESSES; i++) {
      clock.advance(Duration.ofMillis(1));
      throttle.admit("addr-" + i);
    }
    assertEquals(LoginThrottle.MAX_ADDRESSES, throttle.addresses());
    throttle.admit("addr-" + LoginThrottle.MAX_ADDRESSES);
    throttle.admit("addr-" + LoginThrottle.MAX_ADDRESSES);
    assertEquals(
        Optional.of(Duration.ofMinutes(1)),
        throttle.admit("addr-" + LoginThrottle.MAX_ADDRESSES),
        "the newest address is kept; the stalest was forgotten");
  }
}
