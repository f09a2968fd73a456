package dev.ben.contracts.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one printer of playbook conditions, in both of its styles, and the operators' symbols. */
class PlaybookConditionTextTest {

  private static final PlaybookCondition MIXED =
      new PlaybookCondition.All(
          List.of(
              new PlaybookCondition.RuleFired("flag_probes"),
              new PlaybookCondition.Any(
                  List.of(
                      new PlaybookCondition.FactCompare("speed", CompareOp.GE, "SLOW"),
                      new PlaybookCondition.Not(new PlaybookCondition.BitSet("probe")))),
              new PlaybookCondition.FieldCompare(
                  "path", CompareOp.NE, new Literal.Text("/a \"b\"")),
              new PlaybookCondition.DetectorCompare("login_rate", "fails", CompareOp.GT, 20)));

  private static final PlaybookCondition NEGATED_GROUP =
      new PlaybookCondition.Not(
          new PlaybookCondition.Any(
              List.of(new PlaybookCondition.RuleFired("a"), new PlaybookCondition.RuleFired("b"))));

  @Test
  void explanationsShowValuesAsTheEngineComparesThem() {
    assertEquals(
        "flag_probes and (speed >= SLOW or not (probe)) and path != /a \"b\" and "
            + "login_rate.fails > 20.0",
        PlaybookConditionText.EXPLANATION.render(MIXED));
    assertEquals("not (a or b)", PlaybookConditionText.EXPLANATION.render(NEGATED_GROUP));
  }

  @Test
  void contractSyntaxReadsLikeTheSource() {
    assertEquals(
        "flag_probes and (speed >= \"SLOW\" or not probe) and path != \"/a \\\"b\\\"\" and "
            + "login_rate.fails > 20",
        PlaybookConditionText.CONTRACT_SYNTAX.render(MIXED));
    assertEquals("not (a or b)", PlaybookConditionText.CONTRACT_SYNTAX.render(NEGATED_GROUP));
  }

  @Test
  void everyOperatorHasItsContractSymbol() {
    assertEquals(
        List.of("==", "!=", "<", "<=", ">", ">="),
        List.of(CompareOp.values()).stream().map(CompareOp::symbol).toList());
  }

  @Test
  void valuesAreWrittenAsContractsWriteThem() {
    assertEquals("2.5", ContractSyntax.number(2.5));
    assertEquals("20", ContractSyntax.number(20.0));
    assertEquals("NaN", ContractSyntax.number(Double.NaN));
    assertEquals("\"a\\\\b\"", ContractSyntax.quote("a\\b"));
    assertEquals("true", ContractSyntax.literal(new Literal.Bool(true)));
    assertEquals("7", ContractSyntax.literal(new Literal.Int(7)));
  }
}
