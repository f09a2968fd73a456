package dev.ben.contracts.engine.bitspec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.contracts.event.Event;
import dev.ben.contracts.event.EventTranslator;
import dev.ben.contracts.event.Translation;
import dev.ben.contracts.model.Action;
import dev.ben.contracts.model.CompareOp;
import dev.ben.contracts.model.Condition;
import dev.ben.contracts.model.ExampleContracts;
import dev.ben.contracts.model.FieldType;
import dev.ben.contracts.model.Literal;
import dev.ben.contracts.model.PolicyPack;
import dev.ben.contracts.model.Predicate;
import dev.ben.contracts.model.Rule;
import dev.ben.contracts.model.Schema;
import dev.ben.contracts.model.SchemaField;
import dev.ben.contracts.model.Threshold;
import dev.ben.contracts.model.ThresholdLevel;
import dev.ben.contracts.model.ValueList;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BitspecEngineTest {

  private static final Schema LOGIN = ExampleContracts.loginSchema();
  private static final Map<String, ValueList> LISTS =
      Map.of(
          "high_risk_countries", ExampleContracts.lists().get(0),
          "sanctions_names", ExampleContracts.lists().get(1));

  static Event event(Schema schema, String json) {
    var translation = new EventTranslator(schema).translate(json.getBytes(StandardCharsets.UTF_8));
    if (translation instanceof Translation.Accepted accepted) {
      return accepted.event();
    }
    throw new AssertionError(((Translation.Refused) translation).message());
  }

  private static Event login(String user, String ip, int attempts, String extra) {
    return event(
        LOGIN,
        "{\"ts\":1,\"tenant\":\"t\",\"user\":\""
            + user
            + "\",\"ip\":\""
            + ip
            + "\",\"attempts\":"
            + attempts
            + extra
            + "}");
  }

  @Test
  void thresholdSetsEveryPassingLevelAndTheHighestAsFact() {
    var heat =
        new Threshold(
            "heat",
            "attempts",
            CompareOp.GE,
            List.of(
                new ThresholdLevel("WARM", 0, new Literal.Int(100)),
                new ThresholdLevel("HOT", 1, new Literal.Int(200)),
                new ThresholdLevel("SCORCH", 2, new Literal.Int(500))),
            "attempts_level");
    var pack = new PolicyPack("p", "login", List.of(), List.of(heat), List.of(), List.of(), "");
    var engine = new BitspecEngine(pack, LOGIN, Map.of());
    var state = engine.newState();
    engine.evaluate(login("ann", "10.0.0.1", 350, ""), state);
    assertEquals(List.of("heat.WARM", "heat.HOT"), engine.setBitNames(state));
    assertEquals(Map.of("attempts_level", "HOT"), engine.facts(state));
    engine.evaluate(login("ann", "10.0.0.1", 50, ""), state);
    assertEquals(List.of(), engine.setBitNames(state));
    assertEquals(Map.of(), engine.facts(state));
  }

  @Test
  void examplePolicyFlagsBruteForceFromOutsideOnly() {
    var engine = new BitspecEngine(ExampleContracts.loginGuard(), LOGIN, LISTS);
    var state = engine.newState();
    engine.evaluate(login("ann", "203.0.113.9", 12, ",\"country\":\"KP\""), state);
    assertEquals(
        List.of("failed_burst", "risky_country", "heat.WARM", "heat.HOT"),
        engine.setBitNames(state));
    assertEquals(List.of("brute_force"), engine.firedRuleNames(state));
    assertEquals(new Action.Flag(), engine.action(state));
    engine.evaluate(login("ann", "10.9.9.9", 12, ""), state);
    assertTrue(engine.setBitNames(state).contains("internal_ip"));
    assertNull(engine.action(state), "internal addresses are excluded by none(internal_ip)");
  }

  @Test
  void rulesAreCheckedByPriorityAndAllFiredAreReported() {
    var predicates =
        List.of(
            new Predicate("a", 0, new Condition.IsNotNull("country")),
            new Predicate(
                "b", 1, new Condition.Compare("attempts", CompareOp.GE, new Literal.Int(1))));
    var rules =
        List.of(
            new Rule("low", List.of("a"), List.of(), List.of(), 1, new Action.Sample(10)),
            new Rule(
                "high",
                List.of("a", "b"),
                List.of(),
                List.of(),
                5,
                new Action.DropWithReason("spam")),
            new Rule("either", List.of(), List.of("a", "b"), List.of(), 5, new Action.Flag()));
    var pack = new PolicyPack("p", "login", predicates, List.of(), rules, List.of(), "");
    var engine = new BitspecEngine(pack, LOGIN, Map.of());
    var state = engine.newState();
    engine.evaluate(login("u", "10.0.0.1", 3, ",\"country\":\"FR\""), state);
    assertEquals(List.of("high", "low", "either"), engine.firedRuleNames(state));
    assertEquals(new Action.DropWithReason("spam"), engine.action(state));
    engine.evaluate(login("u", "10.0.0.1", 0, ",\"country\":\"FR\""), state);
    assertEquals(new Action.Flag(), engine.action(state), "equal priority keeps declaration order");
  }

  @Test
  void missingFieldsAndKindMismatchesSetNoBit() {
    var predicates =
        List.of(
            new Predicate(
                "country_set",
                0,
                new Condition.Compare("country", CompareOp.NE, new Literal.Text("x"))),
            new Predicate("no_country", 1, new Condition.Not("country_set")),
            new Predicate(
                "tried", 2, new Condition.Compare("attempts", CompareOp.GE, new Literal.Int(0))));
    var pack = new PolicyPack("p", "login", predicates, List.of(), List.of(), List.of(), "");
    var engine = new BitspecEngine(pack, LOGIN, Map.of());
    var state = engine.newState();
    engine.evaluate(login("u", "10.0.0.1", 1, ""), state);
    assertEquals(List.of("no_country", "tried"), engine.setBitNames(state));
    Event masked = login("u", "10.0.0.1", 1, ",\"country\":\"FR\"");
    masked.setText(LOGIN.indexOf("attempts"), "*");
    engine.evaluate(masked, state);
    assertEquals(
        List.of("country_set"), engine.setBitNames(state), "text where a number was sets no bit");
  }

  @Test
  void textOperatorsRegexModuloAndBetween() {
    var predicates =
        List.of(
            new Predicate("admin", 0, new Condition.StartsWith("user", "adm")),
            new Predicate("bot", 1, new Condition.Contains("user", "bot")),
            new Predicate("digits", 2, new Condition.Matches("user", "\\d{3}$")),
            new Predicate("even", 3, new Condition.Modulo("attempts", 2, 0)),
            new Predicate(
                "mid",
                4,
                new Condition.Between("attempts", new Literal.Int(10), new Literal.Int(20))),
            new Predicate("both", 5, new Condition.AllOf(List.of("admin", "digits"))),
            new Predicate("any", 6, new Condition.AnyOf(List.of("bot", "both"))));
    var pack = new PolicyPack("p", "login", predicates, List.of(), List.of(), List.of(), "");
    var engine = new BitspecEngine(pack, LOGIN, Map.of());
    var state = engine.newState();
    engine.evaluate(login("admin123", "10.0.0.1", 20, ""), state);
    assertEquals(
        List.of("admin", "digits", "even", "mid", "both", "any"), engine.setBitNames(state));
    engine.evaluate(login("robot", "10.0.0.1", 21, ""), state);
    assertEquals(List.of("bot", "any"), engine.setBitNames(state));
  }

  @Test
  void fuzzyMatchesWithinTheEditDistanceIgnoringCase() {
    var predicates =
        List.of(new Predicate("close", 0, new Condition.Fuzzy("user", "sanctions_names", 2)));
    var pack = new PolicyPack("p", "login", predicates, List.of(), List.of(), List.of(), "");
    var engine = new BitspecEngine(pack, LOGIN, LISTS);
    var state = engine.newState();
    for (String near : List.of("Ivan Petrov", "ivan petrow", "ivn petro", "EVIL CORP")) {
      engine.evaluate(login(near, "10.0.0.1", 1, ""), state);
      assertEquals(List.of("close"), engine.setBitNames(state), near);
    }
    engine.evaluate(login("iv petr", "10.0.0.1", 1, ""), state);
    assertEquals(List.of(), engine.setBitNames(state), "three or more edits away");
  }

  @Test
  void ipv6CidrBlocksMatchWithoutTouchingV4() {
    var schema =
        new Schema(
            "net",
            1,
            "net",
            List.of("addr"),
            List.of(),
            List.of(SchemaField.required("addr", FieldType.IPV6)),
            "",
            "");
    var predicates =
        List.of(
            new Predicate("doc", 0, new Condition.InCidr("addr", List.of("2001:db8::/32"))),
            new Predicate(
                "tight", 1, new Condition.InCidr("addr", List.of("2001:db8:abcd:12::/63"))),
            new Predicate("v4", 2, new Condition.InCidr("addr", List.of("10.0.0.0/8"))));
    var engine =
        new BitspecEngine(
            new PolicyPack("p", "net", predicates, List.of(), List.of(), List.of(), ""),
            schema,
            Map.of());
    var state = engine.newState();
    engine.evaluate(event(schema, "{\"addr\":\"2001:db8:abcd:13::1\"}"), state);
    assertEquals(List.of("doc", "tight"), engine.setBitNames(state));
    engine.evaluate(event(schema, "{\"addr\":\"2001:db8:abcd:14::1\"}"), state);
    assertEquals(List.of("doc"), engine.setBitNames(state));
    engine.evaluate(event(schema, "{\"addr\":\"2001:db9::1\"}"), state);
    assertEquals(List.of(), engine.setBitNames(state));
    engine.evaluate(event(schema, "{\"addr\":\"10.2.3.4\"}"), state);
    assertEquals(List.of("v4"), engine.setBitNames(state));
  }

  @Test
  void manyPredicatesSpanSeveralMaskWords() {
    var predicates = new java.util.ArrayList<Predicate>();
    for (int i = 0; i < 130; i++) {
      predicates.add(
          new Predicate(
              "p" + i, i, new Condition.Compare("attempts", CompareOp.GE, new Literal.Int(i))));
    }
    var rules =
        List.of(new Rule("far", List.of("p129"), List.of(), List.of(), 0, new Action.Flag()));
    var engine =
        new BitspecEngine(
            new PolicyPack("p", "login", predicates, List.of(), rules, List.of(), ""),
            LOGIN,
            Map.of());
    var state = engine.newState();
    engine.evaluate(login("u", "10.0.0.1", 129, ""), state);
    assertEquals(130, engine.setBitNames(state).size());
    assertEquals(List.of("far"), engine.firedRuleNames(state));
    engine.evaluate(login("u", "10.0.0.1", 128, ""), state);
    assertEquals(List.of(), engine.firedRuleNames(state));
  }

  @Test
  void badReferencesAreRefusedWithTheNameAndTheChoices() {
    var cyclic =
        List.of(
            new Predicate("a", 0, new Condition.Not("b")),
            new Predicate("b", 1, new Condition.Not("a")));
    var error =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new BitspecEngine(
                    new PolicyPack("p", "login", cyclic, List.of(), List.of(), List.of(), ""),
                    LOGIN,
                    Map.of()));
    assertTrue(error.getMessage().contains("depends on itself: a -> b -> a"), error.getMessage());
    var wrongType =
        List.of(
            new Predicate(
                "a", 0, new Condition.Compare("attempts", CompareOp.EQ, new Literal.Text("many"))));
    error =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new BitspecEngine(
                    new PolicyPack("p", "login", wrongType, List.of(), List.of(), List.of(), ""),
                    LOGIN,
                    Map.of()));
    assertTrue(
        error.getMessage().contains("a u32 field cannot be compared with text many"),
        error.getMessage());
    var unknownList = List.of(new Predicate("a", 0, new Condition.InList("country", "nope")));
    error =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new BitspecEngine(
                    new PolicyPack("p", "login", unknownList, List.of(), List.of(), List.of(), ""),
                    LOGIN,
                    Map.of()));
    assertTrue(error.getMessage().contains("unknown list 'nope'"), error.getMessage());
  }
}
