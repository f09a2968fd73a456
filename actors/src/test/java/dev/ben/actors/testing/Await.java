package dev.ben.actors.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition with a deadline: the only way these tests synchronise with asynchronous
 * work.
 */
public final class Await {

  private Await() {}

  public static void until(BooleanSupplier condition, String what, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "timed out after " + timeout.toSeconds() + " s waiting until " + what);
      }
      // Poll, do not spin: conditions often ask a server, and the machine has two cores.
      java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
    }
  }

  /**
   * As {@link #until(BooleanSupplier, String, Duration)}, saying what was seen when it times out.
   */
  public static void until(
      BooleanSupplier condition, java.util.function.Supplier<String> what, Duration timeout) {
    try {
      until(condition, "", timeout);
    } catch (AssertionError e) {
      throw new AssertionError(
          "timed out after " + timeout.toSeconds() + " s waiting until " + what.get(), e);
    }
  }

  public static void until(BooleanSupplier condition, String what) {
    until(condition, what, Duration.ofSeconds(20));
  }
}
