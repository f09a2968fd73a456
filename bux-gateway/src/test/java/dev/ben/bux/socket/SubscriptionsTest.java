package dev.ben.bux.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubscriptionsTest {

  @Test
  void idsAreUniqueAndTheCountBounded() {
    Subscriptions<String> subscriptions = new Subscriptions<>(2);
    assertTrue(subscriptions.add("a", "stop-a"));
    FrameRefusedException twice =
        assertThrows(FrameRefusedException.class, () -> subscriptions.add("a", "again"));
    assertEquals(Optional.of("a"), twice.sub());
    assertTrue(subscriptions.add("b", "stop-b"));
    FrameRefusedException third =
        assertThrows(FrameRefusedException.class, () -> subscriptions.check("c"));
    assertTrue(third.getMessage().contains("max-subscriptions"), third.getMessage());
    assertEquals(Optional.of("stop-a"), subscriptions.remove("a"));
    assertEquals(Optional.empty(), subscriptions.remove("a"));
    subscriptions.check("c");
  }

  @Test
  void closingHandsBackEveryStopperOnceAndRefusesLaterOnes() {
    Subscriptions<String> subscriptions = new Subscriptions<>(4);
    subscriptions.add("a", "stop-a");
    subscriptions.add("b", "stop-b");
    assertEquals(List.of("stop-a", "stop-b"), subscriptions.close());
    assertEquals(List.of(), subscriptions.close());
    assertFalse(subscriptions.add("c", "stop-c"), "a subscription after the socket closed");
  }
}
