package dev.ben.contracts.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.contracts.engine.playbook.PlaybookOutcome;
import dev.ben.contracts.event.Event;
import dev.ben.contracts.event.Translation;
import dev.ben.contracts.model.CompareOp;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.model.ExampleContracts;
import dev.ben.contracts.model.ModelJson;
import dev.ben.contracts.model.Playbook;
import dev.ben.contracts.model.PlaybookBound;
import dev.ben.contracts.model.PlaybookCondition;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractRuntimeTest {

  private static final byte[] KEY = "k".getBytes(StandardCharsets.UTF_8);
  private static final long MINUTE = ExampleContracts.MINUTE;

  static Event login(ContractRuntime runtime, String user, String ip, int attempts) {
    String json =
        "{\"ts\":1,\"tenant\":\"t\",\"user\":\""
            + user
            + "\",\"ip\":\""
            + ip
            + "\",\"attempts\":"
            + attempts
            + ",\"card\":\"4111111111111234\",\"email\":\"a@b.c\"}";
    return assertInstanceOf(
            Translation.Accepted.class,
            runtime.translate("login", json.getBytes(StandardCharsets.UTF_8)))
        .event();
  }

  @Test
  void evaluatesBitsRulesFactsRedactionAndDetectors() {
    var runtime = ContractRuntime.build(ExampleContracts.contractSet(), "auth", KEY);
    EvaluationResult result = runtime.evaluate(login(runtime, "ann", "203.0.113.5", 12), 0);
    assertEquals(List.of("failed_burst", "heat.WARM", "heat.HOT"), result.bits());
    assertEquals(List.of("brute_force"), result.rules());
    assertEquals("flag", result.action());
    assertEquals("HOT", result.facts().get("attempts_level"));
    assertEquals("************1234", result.redacted().get("card"));
    assertEquals(64, ((String) result.redacted().get("email")).length());
    assertEquals(1.0, result.detectors().get("login_rate.fails"));
    assertEquals(1.0, result.detectors().get("login_rate.strikes"));
    assertEquals(12.0, result.detectors().get("login_rate.ewma_attempts"));
    assertNull(result.detectors().get("login_rate.cusum_attempts"), "CUSUM is warming up");
    String json = ModelJson.toJson(result);
    assertTrue(json.startsWith("{\"schema\":\"login\",\"bits\":[\"failed_burst\""), json);
  }

  @Test
  void lockoutFiresAfterTwentyBurstsThenCoolsDownPerUser() {
    var runtime = ContractRuntime.build(ExampleContracts.contractSet(), "auth", KEY);
    PlaybookOutcome first = null;
    for (int i = 0; i < 21; i++) {
      var result = runtime.evaluate(login(runtime, "ann", "203.0.113.5", 9), i * 1000L);
      if (!result.playbooks().isEmpty()) {
        first = result.playbooks().get(0);
        assertEquals(20, i, "fires on the 21st burst, when fails > 20");
      }
    }
    assertEquals(PlaybookOutcome.Status.FIRED, first.status());
    assertEquals("lock_account", first.signal());
    assertEquals("ann", first.args().get("user"));
    assertEquals("brute force", first.args().get("reason"));
    assertEquals("brute_force and login_rate.fails > 20.0", first.condition());
    assertEquals(21.0, first.detectors().get("login_rate.fails"));
    assertTrue(first.bits().contains("failed_burst"));
    var next = runtime.evaluate(login(runtime, "ann", "203.0.113.5", 9), 22_000).playbooks().get(0);
    assertEquals(PlaybookOutcome.Status.SUPPRESSED, next.status());
    assertTrue(next.reason().startsWith("cooldown: fired for user=ann"), next.reason());
    long firedAgainAt = -1;
    for (long t = 23_000; t <= 20_000 + 5 * MINUTE && firedAgainAt < 0; t += 1000) {
      var outcome = runtime.evaluate(login(runtime, "ann", "203.0.113.5", 9), t).playbooks().get(0);
      firedAgainAt = outcome.status() == PlaybookOutcome.Status.FIRED ? t : -1;
    }
    assertEquals(
        20_000 + 5 * MINUTE, firedAgainAt, "fires again exactly when the 5 minute cooldown ends");
    var internal = runtime.evaluate(login(runtime, "ann", "10.0.0.5", 9), 20_001 + 5 * MINUTE);
    assertEquals(List.of(), internal.playbooks(), "internal addresses do not fire brute_force");
  }

  @Test
  void rateBoundSuppressesBeyondAtMostPerWindow() {
    ContractSet base = ExampleContracts.contractSet();
    Playbook greedy =
        ModelJson.seal(
            new Playbook(
                "lockout",
                "login",
                new PlaybookCondition.FactCompare("attempts_level", CompareOp.GE, "WARM"),
                ExampleContracts.lockout().emit(),
                new PlaybookBound(2, MINUTE, 0, List.of()),
                "",
                ""));
    var contracts =
        new ContractSet(
            base.project(),
            base.version(),
            base.schemas(),
            base.lists(),
            base.policies(),
            base.detectors(),
            base.signals(),
            List.of(greedy),
            base.pipelines());
    var runtime = ContractRuntime.build(contracts, "auth", KEY);
    var statuses = new java.util.ArrayList<PlaybookOutcome.Status>();
    long[] times = {0, 1000, 2000, 59_999, 60_000};
    for (long t : times) {
      statuses.add(
          runtime.evaluate(login(runtime, "u" + t, "10.0.0.1", 4), t).playbooks().get(0).status());
    }
    assertEquals(
        List.of(
            PlaybookOutcome.Status.FIRED,
            PlaybookOutcome.Status.FIRED,
            PlaybookOutcome.Status.SUPPRESSED,
            PlaybookOutcome.Status.SUPPRESSED,
            PlaybookOutcome.Status.FIRED),
        statuses);
  }

  @Test
  void detectorKeyEvictionsAreCounted() {
    ContractSet base = ExampleContracts.contractSet();
    var small =
        new dev.ben.contracts.model.DetectorSpec(
            "login_rate", "login", List.of("user"), 2, base.detectors().get(0).features(), "");
    var contracts =
        new ContractSet(
            base.project(),
            base.version(),
            base.schemas(),
            base.lists(),
            base.policies(),
            List.of(small),
            base.signals(),
            base.playbooks(),
            base.pipelines());
    var runtime = ContractRuntime.build(contracts, "auth", KEY);
    for (String user : List.of("a", "b", "c", "d")) {
      runtime.evaluate(login(runtime, user, "10.0.0.1", 1), 0);
    }
    assertEquals(2L, runtime.detectorEvictions().get("login_rate"));
  }

  @Test
  void unknownNamesAreRefusedWhenBuilding() {
    var error =
        assertThrows(
            IllegalArgumentException.class,
            () -> ContractRuntime.build(ExampleContracts.contractSet(), "nope", KEY));
    assertTrue(error.getMessage().contains("it has [auth]"), error.getMessage());
    var refused =
        assertInstanceOf(
            Translation.Refused.class,
            ContractRuntime.build(ExampleContracts.contractSet(), "auth", KEY)
                .translate("other", new byte[0]));
    assertTrue(refused.reason().contains("accepts [login]"), refused.reason());
  }
}
