package dev.ben.contracts.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ben.contracts.model.Action;
import dev.ben.contracts.model.CompareOp;
import dev.ben.contracts.model.Condition;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.model.FieldType;
import dev.ben.contracts.model.Literal;
import dev.ben.contracts.model.Playbook;
import dev.ben.contracts.model.PlaybookCondition;
import dev.ben.contracts.model.PolicyPack;
import dev.ben.contracts.model.Predicate;
import dev.ben.contracts.model.ProxySettings;
import dev.ben.contracts.model.Rule;
import dev.ben.contracts.model.ValueList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompilerDetailsTest {
  private static final String SCHEMA =
      """
      schema s v1 {
        table events
        key [id]
        fields {
          id: string
          n: i64
          ts: timestamp
          ok: bool
          code: string?
        }
      }
      """;

  @Test
  void inlineSubExpressionsBecomeHelperPredicatesBeforeTheirParent() {
    PolicyPack pack =
        CompilerTest.compile(
                SCHEMA
                    + """
        policy p on s {
          predicate a = n > 1
          predicate b = all(a, not(ok), n % 2 != 0)
          predicate c = code in ["x", "y"]
          predicate d = ts >= "2024-01-01T00:00:00Z"
        }
        pipeline q { schemas [s] policies [p] store { table events } }
        """)
            .policy("p")
            .orElseThrow();
    assertEquals(List.of("a", "b.1", "b.2", "b.3", "b.4", "b", "c", "d"), pack.bitNames());
    List<Predicate> predicates = pack.predicates();
    assertEquals(
        new Condition.Compare("ok", CompareOp.EQ, new Literal.Bool(true)),
        predicates.get(1).condition());
    assertEquals(new Condition.Not("b.1"), predicates.get(2).condition());
    assertEquals(new Condition.Modulo("n", 2, 0), predicates.get(3).condition());
    assertEquals(new Condition.Not("b.3"), predicates.get(4).condition());
    assertEquals(new Condition.AllOf(List.of("a", "b.2", "b.4")), predicates.get(5).condition());
    assertEquals(new Condition.InList("code", "p.c"), predicates.get(6).condition());
    assertEquals(
        new Condition.Compare("ts", CompareOp.GE, new Literal.Int(1_704_067_200_000L)),
        predicates.get(7).condition());
  }

  @Test
  void inlineValueSetsBecomeListsOfTheProgram() {
    ContractSet set =
        CompilerTest.compile(
            SCHEMA
                + """
        policy p on s { predicate c = n in [1, 2, 3] }
        pipeline q { schemas [s] policies [p] store { table events } }
        """);
    assertEquals(
        new ValueList("p.c", FieldType.I64, List.of("1", "2", "3"), ""),
        set.list("p.c").orElseThrow().withFingerprint(""));
  }

  @Test
  void rulesAreOrderedByPriorityKeepingDeclarationOrderForTies() {
    PolicyPack pack =
        CompilerTest.compile(
                SCHEMA
                    + """
        policy p on s {
          predicate a = n > 1
          threshold t on n lt { LOW = 10, LOWER = 0 } fact level
          rule r1 = all(a) => flag
          rule r2 = any(t.LOWER) => sample(5) priority 7
          rule r3 = none(a) => drop_with_reason "quiet" priority 7
          rule r4 = all(t.LOW) => route lucius priority 9
        }
        pipeline q { schemas [s] policies [p] store { table events } }
        """)
            .policy("p")
            .orElseThrow();
    assertEquals(List.of("r4", "r2", "r3", "r1"), pack.rules().stream().map(Rule::name).toList());
    assertEquals(new Action.Sample(5), pack.rules().get(1).action());
    assertEquals(List.of("t.LOWER"), pack.rules().get(1).any());
    assertEquals(CompareOp.LT, pack.thresholds().get(0).op());
    assertEquals(2, pack.thresholds().get(0).levels().get(1).bit());
  }

  @Test
  void playbookComparisonsPutTheConstantOnTheRight() {
    Playbook playbook =
        CompilerTest.compile(
                SCHEMA
                    + """
        policy p on s {
          predicate a = n > 1
          threshold t on n gte { WARM = 1, HOT = 9 } fact level
          rule r = all(a) => flag
        }
        detector d on s by id { count over 1m as hits }
        signal note { id: string, level: string, hits: f64, tag: string }
        playbook b on s {
          when 20 < d.hits and (level >= "HOT" or r == false) and not ok and n != 3 and t.WARM
          emit note(tag = "x", hits = d.hits, level = level, id = id)
          bound at_most 1 per 1s
        }
        pipeline q { schemas [s] policies [p] detectors [d] playbooks [b] store { table events } }
        """)
            .playbook("b")
            .orElseThrow();
    assertEquals(
        new PlaybookCondition.All(
            List.of(
                new PlaybookCondition.DetectorCompare("d", "hits", CompareOp.GT, 20),
                new PlaybookCondition.Any(
                    List.of(
                        new PlaybookCondition.FactCompare("level", CompareOp.GE, "HOT"),
                        new PlaybookCondition.Not(new PlaybookCondition.RuleFired("r")))),
                new PlaybookCondition.Not(
                    new PlaybookCondition.FieldCompare("ok", CompareOp.EQ, new Literal.Bool(true))),
                new PlaybookCondition.FieldCompare("n", CompareOp.NE, new Literal.Int(3)),
                new PlaybookCondition.BitSet("t.WARM"))),
        playbook.when());
    assertEquals(
        List.of("id", "level", "hits", "tag"),
        playbook.emit().args().stream().map(arg -> arg.name()).toList());
    assertEquals(0, playbook.bound().cooldownMillis());
  }

  @Test
  void unwrittenPipelineSettingsTakeTheDefaults() {
    ContractSet set =
        CompilerTest.compile(SCHEMA + "pipeline q { schemas [s] store { table events } }");
    assertEquals(
        new ProxySettings(
            10_000, 0.8, 0.5, dev.ben.contracts.model.OverloadPolicy.BACKPRESSURE, 64),
        set.pipeline("q").orElseThrow().proxy());
    assertEquals(1, set.pipeline("q").orElseThrow().spines());
    assertEquals(true, set.pipeline("q").orElseThrow().sidecar().http());
    assertEquals("v7", set.version());
  }
}
