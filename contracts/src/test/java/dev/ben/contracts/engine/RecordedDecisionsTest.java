package dev.ben.contracts.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.contracts.engine.bitspec.BitspecEngine;
import dev.ben.contracts.event.Event;
import dev.ben.contracts.model.ExampleContracts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Decisions read back from their names answer every reference as the spine that made them. */
class RecordedDecisionsTest {

  private final ContractRuntime runtime =
      ContractRuntime.build(ExampleContracts.contractSet(), "auth", new byte[32]);

  @Test
  void answerEveryReferenceAsTheLiveSpine() {
    SpineEvaluator spine = runtime.spine("login");
    RecordedDecisions recorded = runtime.recordedDecisions("login");
    int[] attempts = {0, 3, 6, 12, 60};
    String[] ips = {"10.0.0.1", "192.0.2.1"};
    for (int a : attempts) {
      for (String ip : ips) {
        Event event = ContractRuntimeTest.login(runtime, "ann", ip, a);
        spine.evaluate(event);
        recorded.load(spine.setBits(), spine.firedRules(), spine.facts());
        String context = a + " attempts from " + ip;
        for (int p = 0; p < spine.policyCount(); p++) {
          BitspecEngine engine = spine.engine(p);
          for (String bit : engine.bitNames()) {
            int ref = spine.bitRef(bit);
            assertEquals(spine.bitSet(ref), recorded.bitSet(ref), bit + ", " + context);
          }
          for (var rule : engine.pack().rules()) {
            int ref = spine.ruleRef(rule.name());
            assertEquals(spine.ruleFired(ref), recorded.ruleFired(ref), rule.name());
          }
          for (int t = 0; t < engine.thresholdCount(); t++) {
            int ref = spine.factRef(engine.factName(t));
            assertEquals(spine.factLevel(ref), recorded.factLevel(ref), context);
          }
        }
        assertEquals(spine.setBits(), recorded.setBits());
        assertEquals(spine.firedRules(), recorded.firedRules());
      }
    }
  }

  @Test
  void aLoadForgetsTheEventBeforeAndIgnoresUnknownNames() {
    SpineEvaluator spine = runtime.spine("login");
    RecordedDecisions recorded = runtime.recordedDecisions("login");
    recorded.load(List.of("failed_burst"), List.of("brute_force"), Map.of("attempts_level", "HOT"));
    assertTrue(recorded.bitSet(spine.bitRef("failed_burst")));
    assertTrue(recorded.ruleFired(spine.ruleRef("brute_force")));
    assertEquals(1, recorded.factLevel(spine.factRef("attempts_level")));

    recorded.load(List.of("no_such_bit"), List.of("no_such_rule"), Map.of("no_such_fact", "X"));
    assertFalse(recorded.bitSet(spine.bitRef("failed_burst")));
    assertFalse(recorded.ruleFired(spine.ruleRef("brute_force")));
    assertEquals(-1, recorded.factLevel(spine.factRef("attempts_level")));
    assertFalse(recorded.bitSet(-1), "an unresolved reference is never set");
    assertFalse(recorded.ruleFired(-1));
    assertEquals(-1, recorded.factLevel(-1));
  }

  @Test
  void theSpineNamesNothingWhenNothingWasDecided() {
    SpineEvaluator spine = runtime.spine("login");
    spine.evaluate(ContractRuntimeTest.login(runtime, "ann", "192.0.2.1", 0));
    assertEquals(List.of(), spine.setBits());
    assertEquals(List.of(), spine.firedRules());
    assertEquals(Map.of(), spine.facts());
    spine.evaluate(ContractRuntimeTest.login(runtime, "ann", "192.0.2.1", 12));
    assertEquals(List.of("failed_burst", "heat.WARM", "heat.HOT"), spine.setBits());
    assertEquals(List.of("brute_force"), spine.firedRules());
    assertEquals(Map.of("attempts_level", "HOT"), spine.facts());
  }
}
