package dev.ben.actors.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import dev.ben.api.control.StageReply;
import dev.ben.api.control.VersionInfo;
import dev.ben.api.control.VersionState;
import org.junit.jupiter.api.Test;

class LedgerAnswerTest {

  private static final VersionInfo INFO =
      VersionInfo.newBuilder()
          .setPipeline("auth")
          .setVersion(3)
          .setState(VersionState.STAGED)
          .setBundleId("sha256:abc")
          .setKeyId("k1")
          .setStagedAtMillis(42)
          .build();

  @Test
  void aReplyRoundTripsThroughItsParser() {
    LedgerAnswer answer = LedgerAnswer.of(INFO);

    assertEquals(INFO, answer.value(VersionInfo.parser()));
  }

  @Test
  void aReplySurvivesTheCborEnvelopeItCrossesNodesIn() throws Exception {
    ObjectMapper cbor = new ObjectMapper(new CBORFactory());
    StageReply reply =
        StageReply.newBuilder().setBundleId("sha256:abc").setKeyId("k1").addStaged(INFO).build();

    LedgerAnswer back =
        cbor.readValue(cbor.writeValueAsBytes(LedgerAnswer.of(reply)), LedgerAnswer.class);

    assertEquals(reply, back.value(StageReply.parser()));
  }

  @Test
  void aRefusalIsRethrownWithItsKindAndMessage() {
    LedgerAnswer answer =
        LedgerAnswer.refused(new LedgerRefusal(LedgerRefusal.Kind.NOT_FOUND, "no pipeline 'x'"));

    LedgerRefusal refusal =
        assertThrows(LedgerRefusal.class, () -> answer.value(VersionInfo.parser()));

    assertEquals(LedgerRefusal.Kind.NOT_FOUND, refusal.kind());
    assertEquals("no pipeline 'x'", refusal.getMessage());
  }

  @Test
  void aRefusalSurvivesTheCborEnvelopeToo() throws Exception {
    ObjectMapper cbor = new ObjectMapper(new CBORFactory());
    LedgerAnswer refused =
        LedgerAnswer.refused(new LedgerRefusal(LedgerRefusal.Kind.UNTRUSTED, "key not trusted"));

    LedgerAnswer back = cbor.readValue(cbor.writeValueAsBytes(refused), LedgerAnswer.class);

    LedgerRefusal refusal =
        assertThrows(LedgerRefusal.class, () -> back.value(VersionInfo.parser()));
    assertEquals(LedgerRefusal.Kind.UNTRUSTED, refusal.kind());
    assertEquals("key not trusted", refusal.getMessage());
  }

  @Test
  void aReplyThatDoesNotDecodeIsAnIllegalState() {
    LedgerAnswer garbage =
        new LedgerAnswer(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff}, null, null);

    var failure =
        assertThrows(IllegalStateException.class, () -> garbage.value(VersionInfo.parser()));

    assertTrue(
        failure.getMessage().startsWith("the ledger's reply does not decode"),
        failure.getMessage());
  }
}
