package dev.ben.benctl.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ben.contracts.model.AggregateFn;
import dev.ben.contracts.model.ArgExpr;
import dev.ben.contracts.model.CompareOp;
import dev.ben.contracts.model.Condition;
import dev.ben.contracts.model.Emit;
import dev.ben.contracts.model.EmitArg;
import dev.ben.contracts.model.Feature;
import dev.ben.contracts.model.FieldType;
import dev.ben.contracts.model.Literal;
import dev.ben.contracts.model.PlaybookBound;
import dev.ben.contracts.model.PlaybookCondition;
import dev.ben.contracts.model.RedactOp;
import dev.ben.contracts.model.SchemaField;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Model fragments that the example projects do not use, written back in contract syntax. */
class ConditionTextTest {

  @Test
  void nestedPlaybookConditionsKeepTheirGrouping() {
    var condition =
        new PlaybookCondition.All(
            List.of(
                new PlaybookCondition.RuleFired("flag_probes"),
                new PlaybookCondition.Any(
                    List.of(
                        new PlaybookCondition.FactCompare("speed", CompareOp.GE, "SLOW"),
                        new PlaybookCondition.Not(new PlaybookCondition.BitSet("probe")))),
                new PlaybookCondition.FieldCompare(
                    "path", CompareOp.NE, new Literal.Text("/a \"b\"")),
                new PlaybookCondition.DetectorCompare("traffic", "latency", CompareOp.LT, 2.5)));
    assertEquals(
        "flag_probes and (speed >= \"SLOW\" or not probe) and path != \"/a \\\"b\\\"\" and "
            + "traffic.latency < 2.5",
        ConditionText.playbook(condition));
    var negatedGroup =
        new PlaybookCondition.Not(
            new PlaybookCondition.Any(
                List.of(
                    new PlaybookCondition.RuleFired("a"), new PlaybookCondition.RuleFired("b"))));
    assertEquals("not (a or b)", ConditionText.playbook(negatedGroup));
  }

  @Test
  void predicateTestsOfEveryShape() {
    assertEquals(
        "status between 500 and 599",
        ConditionText.predicate(
            new Condition.Between("status", new Literal.Int(500), new Literal.Int(599))));
    assertEquals("id % 10 == 3", ConditionText.predicate(new Condition.Modulo("id", 10, 3)));
    assertEquals(
        "ua contains \"bot\"", ConditionText.predicate(new Condition.Contains("ua", "bot")));
    assertEquals("x == null", ConditionText.predicate(new Condition.IsNull("x")));
    assertEquals(
        "ip in cidr(\"10.0.0.0/8\", \"::1/128\")",
        ConditionText.predicate(new Condition.InCidr("ip", List.of("10.0.0.0/8", "::1/128"))));
    assertEquals("all(a, b)", ConditionText.predicate(new Condition.AllOf(List.of("a", "b"))));
    assertEquals("not(a)", ConditionText.predicate(new Condition.Not("a")));
    assertEquals(
        "ratio > 0.75",
        ConditionText.predicate(
            new Condition.Compare("ratio", CompareOp.GT, new Literal.Real(0.75))));
  }

  @Test
  void emitsBoundsFeaturesAndRedactions() {
    var emit =
        new Emit(
            "alert",
            List.of(
                new EmitArg("site", new ArgExpr.FieldRef("site")),
                new EmitArg("level", new ArgExpr.FactValue("speed")),
                new EmitArg("rate", new ArgExpr.DetectorValue("traffic", "views")),
                new EmitArg("n", new ArgExpr.Const(new Literal.Int(3)))));
    assertEquals(
        "alert(site = site, level = speed, rate = traffic.views, n = 3)", ConditionText.emit(emit));
    assertEquals("cooldown 30s", ConditionText.bound(new PlaybookBound(0, 0, 30_000, List.of())));
    assertEquals(
        "at_most 5 per 1500ms", ConditionText.bound(new PlaybookBound(5, 1_500, 0, List.of())));
    assertEquals(
        "max bytes over 1d where big",
        ModelText.feature(new Feature.Window("top", AggregateFn.MAX, "bytes", 86_400_000L, "big")));
    assertEquals("mask_prefix(2)", ModelText.redaction(new RedactOp.MaskPrefix(2)));
    assertEquals("drop", ModelText.redaction(new RedactOp.Drop()));
    assertEquals("hash", ModelText.redaction(new RedactOp.Hash()));
    assertEquals(
        "[string]", ModelText.type(new SchemaField("tags", FieldType.STRING, false, true, false)));
  }
}
