package dev.ben.bench.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class AuthTrafficTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void linesAreLoginEventsWithAboutOneAttackInAHundredAndTheSameForTheSameSeed() throws Exception {
    AuthTraffic traffic = new AuthTraffic(1, 1_000);
    AuthTraffic again = new AuthTraffic(1, 1_000);
    int attacks = 0;
    for (int i = 0; i < 10_000; i++) {
      String line = traffic.line();
      assertEquals(line, again.line());
      JsonNode event = json.readTree(line);
      assertTrue(event.hasNonNull("user") && event.hasNonNull("ip") && event.has("attempts"), line);
      attacks += event.get("user").asText().startsWith("mallory-") ? 1 : 0;
    }
    assertTrue(attacks > 50 && attacks < 150, "about 1% attacks: " + attacks);
  }

  @Test
  void eventTimeStrictlyIncreasesByOneMillisecondAndSpansTenSecondsOverTenThousandEvents()
      throws Exception {
    AuthTraffic traffic = new AuthTraffic(1, 1_000);
    Instant first = timeOf(traffic.line());
    assertEquals(AuthTraffic.START, first);
    Instant previous = first;
    for (int i = 1; i < 10_000; i++) {
      Instant ts = timeOf(traffic.line());
      assertTrue(ts.isAfter(previous), previous + " then " + ts);
      assertEquals(first.plusMillis(i), ts);
      previous = ts;
    }
    assertEquals(Duration.ofMillis(9_999), Duration.between(first, previous));
  }

  @Test
  void eventTimeAtARateKeepsPaceWithThatRateAndNeverGoesBack() throws Exception {
    Duration step = AuthTraffic.stepAt(100_000);
    assertEquals(Duration.ofNanos(10_000), step);
    AuthTraffic traffic = new AuthTraffic(1, 1_000, step);
    Instant previous = Instant.MIN;
    for (int i = 0; i < 10_000; i++) {
      Instant ts = timeOf(traffic.line());
      Instant expected = AuthTraffic.START.plusNanos(i * 10_000L).truncatedTo(ChronoUnit.MILLIS);
      assertEquals(expected, ts);
      assertTrue(!ts.isBefore(previous), previous + " then " + ts);
      previous = ts;
    }
    assertEquals(Duration.ofMillis(99), Duration.between(AuthTraffic.START, previous));
  }

  @Test
  void eventTimeCrossesSecondsMinutesAndDaysAsJavaTimeDoes() throws Exception {
    Duration step = Duration.ofMillis(997);
    AuthTraffic traffic = new AuthTraffic(5, 100, step);
    for (int i = 0; i < 100_000; i++) {
      String ts = json.readTree(traffic.line()).get("ts").asText();
      Instant expected = AuthTraffic.START.plus(step.multipliedBy(i));
      assertEquals(expected, Instant.parse(ts));
      assertEquals(24, ts.length(), ts);
    }
  }

  @Test
  void aRateOfZeroTakesTheDefaultStepAndNoStepIsRefused() {
    assertEquals(AuthTraffic.DEFAULT_STEP, AuthTraffic.stepAt(0));
    assertThrows(IllegalArgumentException.class, () -> AuthTraffic.stepAt(-1));
    assertThrows(IllegalArgumentException.class, () -> new AuthTraffic(1, 10, Duration.ZERO));
  }

  @Test
  void aShortRunAtARateStretchesItsStepToSpanTheEventTimeAskedForAndALongOneKeepsPace() {
    Duration tenMinutes = Duration.ofMinutes(10);
    // 5 s at 50,000/s: 250,000 events would span 5 s at the rate's own step.
    Duration stretched = AuthTraffic.stepSpanning(50_000, 250_001, tenMinutes);
    assertEquals(tenMinutes, stretched.multipliedBy(250_000));
    // An hour at 1,000/s spans an hour anyway.
    assertEquals(AuthTraffic.stepAt(1_000), AuthTraffic.stepSpanning(1_000, 3_600_000, tenMinutes));
    assertEquals(AuthTraffic.DEFAULT_STEP, AuthTraffic.stepSpanning(0, 2_000_000, tenMinutes));
  }

  private Instant timeOf(String line) throws Exception {
    return Instant.parse(json.readTree(line).get("ts").asText());
  }
}
