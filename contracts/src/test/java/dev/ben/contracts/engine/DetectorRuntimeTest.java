package dev.ben.contracts.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.contracts.event.Event;
import dev.ben.contracts.model.ExampleContracts;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Detectors fed with decisions recorded by a spine elsewhere decide exactly as beside it. */
class DetectorRuntimeTest {

  private static final byte[] KEY = "k".getBytes(StandardCharsets.UTF_8);

  @Test
  void recordedDecisionsGiveTheSameDetectorValuesAndFiringsAsTheLiveSpine() {
    var together = ContractRuntime.build(ExampleContracts.contractSet(), "auth", KEY);
    var apart = ContractRuntime.build(ExampleContracts.contractSet(), "auth", KEY);
    SpineEvaluator spine = apart.spine("login");
    DetectorRuntime shard = apart.newDetectors("login", 4);
    RecordedDecisions recorded = apart.recordedDecisions("login");
    int fired = 0;
    for (int i = 0; i < 40; i++) {
      String ip = i % 7 == 0 ? "10.0.0.9" : "203.0.113.5";
      int attempts = 3 + i % 11;
      long now = i * 1000L;
      EvaluationResult expected =
          together.evaluate(ContractRuntimeTest.login(together, "ann", ip, attempts), now);
      Event event = ContractRuntimeTest.login(apart, "ann", ip, attempts);
      spine.evaluate(event);
      var detection =
          shard.detect(
              event, recorded.load(spine.setBits(), spine.firedRules(), spine.facts()), now);
      assertEquals(expected.detectors(), detection.detectors(), "event " + i);
      assertEquals(
          expected.playbooks().stream().map(p -> p.status() + " " + p.args()).toList(),
          detection.playbooks().stream().map(p -> p.status() + " " + p.args()).toList(),
          "event " + i);
      fired +=
          (int)
              detection.playbooks().stream().filter(p -> p.status().name().equals("FIRED")).count();
    }
    assertEquals(1, fired, "the lockout fires once, then cools down");
  }

  @Test
  void unknownNamesAreIgnoredAndFactsMapToTheirLevelIndex() {
    var runtime = ContractRuntime.build(ExampleContracts.contractSet(), "auth", KEY);
    RecordedDecisions recorded =
        runtime
            .recordedDecisions("login")
            .load(
                List.of("failed_burst", "no_such_bit"),
                List.of("brute_force"),
                Map.of("attempts_level", "HOT"));
    SpineEvaluator refs = runtime.spine("login");
    assertTrue(recorded.bitSet(refs.bitRef("failed_burst")));
    assertTrue(!recorded.bitSet(refs.bitRef("risky_country")));
    assertTrue(recorded.ruleFired(refs.ruleRef("brute_force")));
    assertEquals(1, recorded.factLevel(refs.factRef("attempts_level")), "HOT is the second level");
  }

  @Test
  void shardsByTheKeyEveryDetectorShares() {
    var runtime = ContractRuntime.build(ExampleContracts.contractSet(), "auth", KEY);
    assertEquals(List.of("user"), runtime.shardKey("login"));
  }
}
