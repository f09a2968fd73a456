package dev.ben.bux.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.bux.api.StoredEvents.EventCursor;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiParametersTest {

  private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

  @Test
  void aCursorRoundTripsAndIsOpaqueText() {
    EventCursor cursor = new EventCursor(1_764_936_000_000L, "evt:with:colons");
    String opaque = ApiParameters.cursor(cursor);
    assertTrue(opaque.matches("[A-Za-z0-9_-]+"), opaque);
    assertEquals(cursor, ApiParameters.cursor(opaque));
    assertThrows(ApiParameters.Bad.class, () -> ApiParameters.cursor("bm90LWEtY3Vyc29y"));
  }

  @Test
  void aRangeExactlyAsWideAsAllowedIsTakenAndFromDefaultsToItsStart() {
    Duration max = Duration.ofHours(1);
    var query =
        ApiParameters.events(Map.of("pipeline", "auth", "from", "2026-12-05T11:00:00Z"), NOW, max);
    assertEquals(NOW, query.to());
    assertEquals(NOW.minus(max), ApiParameters.events(Map.of("pipeline", "auth"), NOW, max).from());
    var tooWide =
        assertThrows(
            ApiParameters.Bad.class,
            () ->
                ApiParameters.events(
                    Map.of("pipeline", "auth", "from", "2026-12-05T10:59:59Z"), NOW, max));
    assertTrue(tooWide.getMessage().contains("PT1H"), tooWide.getMessage());
  }

  @Test
  void versionsAreWholeNumbersFromOne() {
    assertEquals(3, ApiParameters.version("v", "3"));
    var bad = assertThrows(ApiParameters.Bad.class, () -> ApiParameters.version("v", "-1"));
    assertEquals("`v` must be a version number (1, 2, …), not `-1`", bad.getMessage());
  }
}
