package dev.ben.contracts.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelJsonTest {

  @Test
  void contractSetRoundTripsToEqualValueAndIdenticalBytes() {
    ContractSet original = ExampleContracts.contractSet();
    byte[] json = ModelJson.toBytes(original);
    ContractSet read = ModelJson.fromJson(json, ContractSet.class);
    assertEquals(original, read);
    assertArrayEquals(json, ModelJson.toBytes(read));
  }

  @Test
  void propertiesFollowDeclaredOrderAndSealedTypesCarryAKind() {
    String json = ModelJson.toJson(new Redaction("card", new RedactOp.MaskSuffix(4)));
    assertEquals("{\"field\":\"card\",\"op\":{\"kind\":\"mask_suffix\",\"keep\":4}}", json);
    String schema = ModelJson.toJson(ExampleContracts.loginSchema());
    assertTrue(
        schema.startsWith("{\"name\":\"login\",\"version\":1,\"table\":\"logins\",\"key\":"),
        schema);
  }

  @Test
  void everySealedVariantRoundTrips() {
    List<Object> samples =
        List.of(
            new Action.Flag(),
            new Action.Sample(3),
            new Action.DropWithReason("spam"),
            new RedactOp.Drop(),
            new RedactOp.GeneralizeIp(24),
            new RedactOp.Truncate(2),
            new RedactOp.Hash(),
            new Condition.Matches("f", "a+b"),
            new Condition.Not("p"),
            new Condition.AnyOf(List.of("a", "b")),
            new Condition.Between("f", new Literal.Real(1.5), new Literal.Int(3)),
            new Condition.Modulo("f", 7, 0),
            new Condition.IsNull("f"),
            new Feature.Anomaly("score", "amount", 256),
            new Literal.Bool(true),
            new ArgExpr.DetectorValue("d", "f"),
            new ArgExpr.FactValue("level"),
            new PlaybookCondition.Not(new PlaybookCondition.BitSet("p")),
            new PlaybookCondition.FactCompare("level", CompareOp.GE, "HOT"));
    for (Object sample : samples) {
      Class<?> declared = sample.getClass().getInterfaces()[0];
      assertEquals(
          sample, ModelJson.fromJson(ModelJson.toBytes(sample), declared), sample.toString());
    }
  }

  @Test
  void fingerprintsAreStableAndDetectTampering() {
    PolicyPack pack = ExampleContracts.loginGuard();
    assertTrue(pack.fingerprint().startsWith("sha256:"));
    assertEquals(pack.fingerprint(), ExampleContracts.loginGuard().fingerprint());
    assertTrue(ModelJson.verify(pack));
    PolicyPack renamed =
        new PolicyPack(
            "other",
            pack.schema(),
            pack.predicates(),
            pack.thresholds(),
            pack.rules(),
            pack.redactions(),
            pack.fingerprint());
    assertFalse(ModelJson.verify(renamed));
  }

  @Test
  void unknownPropertiesAreRefusedWithTheTypeNamed() {
    var error =
        assertThrows(
            IllegalArgumentException.class,
            () -> ModelJson.fromJson("{\"field\":\"a\",\"surprise\":1}", Condition.IsNull.class));
    assertTrue(error.getMessage().contains("IsNull"), error.getMessage());
  }
}
