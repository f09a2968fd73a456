package dev.ben.contracts.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyPackTest {

  @Test
  void bitsArePredicatesThenThresholdLevels() {
    PolicyPack pack = ExampleContracts.loginGuard();
    assertEquals(8, pack.bitCount());
    assertEquals(
        List.of(
            "failed_burst",
            "risky_country",
            "internal_ip",
            "sanctioned",
            "has_attachment",
            "heat.WARM",
            "heat.HOT",
            "heat.SCORCH"),
        pack.bitNames());
  }

  @Test
  void misnumberedBitsAreRefused() {
    var predicate = new Predicate("p", 1, new Condition.IsNull("f"));
    var error =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new PolicyPack("pp", "s", List.of(predicate), List.of(), List.of(), List.of(), ""));
    assertTrue(error.getMessage().contains("declaration order gives it bit 0"), error.getMessage());
  }

  @Test
  void unorderedThresholdLevelsAreRefused() {
    var error =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new Threshold(
                    "heat",
                    "a",
                    CompareOp.GE,
                    List.of(
                        new ThresholdLevel("HOT", 0, new Literal.Int(10)),
                        new ThresholdLevel("WARM", 1, new Literal.Int(3))),
                    "level"));
    assertTrue(error.getMessage().contains("'WARM' must be above 'HOT'"), error.getMessage());
  }

  @Test
  void invalidRegexIsRefusedWithItsPosition() {
    var error =
        assertThrows(IllegalArgumentException.class, () -> new Condition.Matches("f", "a(b"));
    assertTrue(error.getMessage().contains("regex on 'f' is invalid"), error.getMessage());
  }

  @Test
  void schemaKeyMustNameAField() {
    var error =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new Schema(
                    "s",
                    1,
                    "t",
                    List.of("nope"),
                    List.of(),
                    List.of(SchemaField.required("a", FieldType.STRING)),
                    "",
                    ""));
    assertTrue(error.getMessage().contains("unknown field 'nope' in key"), error.getMessage());
  }
}
