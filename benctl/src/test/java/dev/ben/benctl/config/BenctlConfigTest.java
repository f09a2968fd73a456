package dev.ben.benctl.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.benctl.command.CommandFailure;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenctlConfigTest {

  private final BenctlConfig two =
      BenctlConfig.empty()
          .with(Context.of("a", "h:1"))
          .with(Context.of("b", "h:2"))
          .withCurrent("b");

  @Test
  void aContextOfTheSameNameIsReplacedInPlace() {
    var changed = two.with(Context.of("a", "h:9"));
    assertEquals(List.of("a", "b"), changed.names());
    assertEquals("h:9", changed.require("a").server());
    assertEquals("b", changed.currentContext());
  }

  @Test
  void deletingTheCurrentContextLeavesNoneCurrent() {
    assertNull(two.without("b").currentContext());
    assertEquals("b", two.without("a").currentContext());
    assertEquals(List.of("b"), two.without("a").names());
  }

  @Test
  void unknownNamesAreRefusedListingTheKnownOnes() {
    var failure = assertThrows(CommandFailure.class, () -> two.withCurrent("c"));
    assertEquals("no context 'c'; the contexts are [a, b]", failure.getMessage());
    var none = assertThrows(CommandFailure.class, () -> BenctlConfig.empty().without("c"));
    assertTrue(none.getMessage().contains("`benctl login` makes one"), none.getMessage());
  }

  @Test
  void loggingOutKeepsTheUserButNotTheToken() {
    Instant expires = Instant.parse("2026-01-01T00:00:00Z");
    Context in = Context.of("a", "h:1").loggedIn("h:1", "ops", "t", expires);
    Context out = in.loggedOut();
    assertEquals("ops", out.user());
    assertNull(out.token());
    assertNull(out.tokenExpires());
    assertTrue(in.expiredAt(expires));
    assertFalse(in.expiredAt(expires.minusSeconds(1)));
    assertFalse(out.expiredAt(expires), "no expiry known, nothing to say");
  }
}
