package dev.ben.actors.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.api.control.LifecycleAction;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ControlRequestsTest {

  private static final String REFUSED = "ben_control_refused_total";

  private final MetricsRegistry metrics = new MetricsRegistry();
  private final ControlRequests requests = new ControlRequests(1000, metrics);

  private long refused(String reason) {
    return metrics.value(REFUSED, Labels.of("reason", reason));
  }

  private String refusal(Executable request) {
    return assertThrows(ControlRequests.Malformed.class, request).getMessage();
  }

  @Test
  void anEmptyBundleIsRefusedAndCounted() {
    String message = refusal(() -> requests.bundle(0));

    assertTrue(message.contains("the request carries no bundle"), message);
    assertEquals(1, refused("empty-bundle"));
    assertEquals(0, refused("bundle-too-large"));
  }

  @Test
  void aBundleOverTheLimitIsRefusedAndCountedButOneAtTheLimitPasses() {
    assertDoesNotThrow(() -> requests.bundle(1000));

    String message = refusal(() -> requests.bundle(1001));

    assertTrue(
        message.contains("the bundle is 1001 bytes; the ledger takes at most 1000"), message);
    assertEquals(1, refused("bundle-too-large"));
  }

  @Test
  void pipelineNamesStartWithALetterAndUseOnlyLettersDigitsAndUnderscoreDotDash() {
    assertDoesNotThrow(() -> requests.pipeline("auth"));
    assertDoesNotThrow(() -> requests.pipeline("Auth_2.eu-west"));
    assertDoesNotThrow(() -> requests.pipeline("a" + "b".repeat(127)));

    for (String bad : new String[] {"2fa", "_auth", "auth/x", "auth x", "a" + "b".repeat(128)}) {
      String message = refusal(() -> requests.pipeline(bad));
      assertTrue(message.contains("is not a pipeline name"), message);
    }
    assertEquals("no pipeline named", refusal(() -> requests.pipeline("")));
    assertEquals(6, refused("bad-pipeline-name"));
  }

  @Test
  void versionZeroIsAllowedOnlyWhenItMeansTheNewest() {
    assertDoesNotThrow(() -> requests.version("auth", 0, true));
    assertDoesNotThrow(() -> requests.version("auth", 1, false));

    String zero = refusal(() -> requests.version("auth", 0, false));
    String negative = refusal(() -> requests.version("auth", -1, true));

    assertTrue(zero.contains("version 0 does not exist; versions start at 1"), zero);
    assertTrue(negative.contains("version -1 does not exist"), negative);
    assertEquals(2, refused("bad-version"));
  }

  @Test
  void aVersionRequestChecksThePipelineNameFirst() {
    refusal(() -> requests.version("9lives", 3, false));

    assertEquals(1, refused("bad-pipeline-name"));
    assertEquals(0, refused("bad-version"));
  }

  @Test
  void aDiffNamesBothVersionsOrNeither() {
    assertDoesNotThrow(() -> requests.diff("auth", 0, 0));
    assertDoesNotThrow(() -> requests.diff("auth", 1, 2));

    String onlyFrom = refusal(() -> requests.diff("auth", 1, 0));
    refusal(() -> requests.diff("auth", 0, 2));
    refusal(() -> requests.diff("auth", -1, 2));

    assertTrue(onlyFrom.contains("name both versions to compare, or neither"), onlyFrom);
    assertEquals(3, refused("bad-version"));
  }

  @Test
  void aLifecycleRequestNeedsAnAction() {
    assertDoesNotThrow(() -> requests.lifecycle("auth", LifecycleAction.PAUSE));

    String unspecified =
        refusal(() -> requests.lifecycle("auth", LifecycleAction.LIFECYCLE_ACTION_UNSPECIFIED));
    refusal(() -> requests.lifecycle("auth", LifecycleAction.UNRECOGNIZED));

    assertTrue(unspecified.contains("use pause, resume, archive or delete"), unspecified);
    assertEquals(2, refused("bad-action"));
  }

  @Test
  void recordedTextIsStrippedAndClipped() {
    assertEquals("alice", requests.recorded("  alice \n"));
    assertEquals("x".repeat(200), requests.recorded("x".repeat(500)));
    assertEquals("y".repeat(200), requests.recorded("y".repeat(200)));
  }

  @Test
  void controlCharactersAndLineSeparatorsNeverReachHistory() {
    assertEquals("a?b?c?d?e", requests.recorded("a\nb\rc\u0000d\u001be"));
    assertEquals("x?y?z", requests.recorded("x\u2028y\u2029z"));
    assertEquals("p?q", requests.recorded("p\u0085q"));
    assertEquals("名前 ok", requests.recorded("名前 ok"));
  }

  @Test
  void acceptedRequestsCountNothing() {
    requests.bundle(10);
    requests.pipeline("auth");
    requests.version("auth", 1, false);
    requests.diff("auth", 1, 2);
    requests.lifecycle("auth", LifecycleAction.DELETE);

    assertNull(metrics.snapshot().get(REFUSED));
  }
}
