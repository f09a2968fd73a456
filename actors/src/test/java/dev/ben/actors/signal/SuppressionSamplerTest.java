package dev.ben.actors.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SuppressionSamplerTest {

  private final SuppressionSampler sampler = new SuppressionSampler(Duration.ofSeconds(60), 2);

  @Test
  void theFirstOfAKeyIsRecordedAndTheRestOfItsIntervalCountedIntoTheNext() {
    assertEquals(OptionalLong.of(0), sampler.admit("lockout/mallory", 1_000));
    assertTrue(sampler.admit("lockout/mallory", 2_000).isEmpty());
    assertTrue(sampler.admit("lockout/mallory", 60_999).isEmpty());
    assertEquals(OptionalLong.of(2), sampler.admit("lockout/mallory", 61_000));
    assertTrue(sampler.admit("lockout/mallory", 61_001).isEmpty());
  }

  @Test
  void keysAreIndependent() {
    assertEquals(OptionalLong.of(0), sampler.admit("lockout/mallory", 1_000));
    assertEquals(OptionalLong.of(0), sampler.admit("lockout/eve", 1_000));
    assertTrue(sampler.admit("lockout/eve", 1_001).isEmpty());
  }

  @Test
  void theLeastRecentlySeenKeyIsForgottenPastTheBound() {
    sampler.admit("a", 1_000);
    sampler.admit("b", 1_000);
    sampler.admit("c", 1_000); // the bound is 2: `a` is forgotten
    assertEquals(OptionalLong.of(0), sampler.admit("a", 1_001));
    assertTrue(sampler.admit("c", 1_002).isEmpty());
  }
}
