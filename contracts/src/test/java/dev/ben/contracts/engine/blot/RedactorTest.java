package dev.ben.contracts.engine.blot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.contracts.event.Event;
import dev.ben.contracts.event.EventTranslator;
import dev.ben.contracts.event.Translation;
import dev.ben.contracts.model.FieldType;
import dev.ben.contracts.model.RedactOp;
import dev.ben.contracts.model.Redaction;
import dev.ben.contracts.model.Schema;
import dev.ben.contracts.model.SchemaField;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {

  private static final Schema SCHEMA =
      new Schema(
          "visit",
          1,
          "visits",
          List.of("id"),
          List.of(),
          List.of(
              SchemaField.required("id", FieldType.STRING),
                  SchemaField.optional("card", FieldType.STRING),
              SchemaField.optional("email", FieldType.STRING),
                  SchemaField.optional("v4", FieldType.IPV4),
              SchemaField.optional("v6", FieldType.IPV6),
                  SchemaField.optional("note", FieldType.STRING),
              SchemaField.optional("amount", FieldType.U32),
                  SchemaField.optional("raw_ip", FieldType.STRING)),
          "",
          "");
  private static final byte[] KEY = "deployment-key".getBytes(StandardCharsets.UTF_8);

  private static Event event(String json) {
    var translation = new EventTranslator(SCHEMA).translate(json.getBytes(StandardCharsets.UTF_8));
    return ((Translation.Accepted) translation).event();
  }

  private static Redactor redactor(String field, RedactOp op) {
    return new Redactor(List.of(new Redaction(field, op)), SCHEMA, KEY);
  }

  @Test
  void maskSuffixKeepsTheLastCodePointsOfMultiByteText() {
    Event e = event("{\"id\":\"1\",\"card\":\"カード😀1234\"}");
    redactor("card", new RedactOp.MaskSuffix(4)).apply(e);
    assertEquals("****1234", e.text(1));
  }

  @Test
  void hashesAreSha256AndKeyedHmacHex() {
    Event e = event("{\"id\":\"1\",\"email\":\"ann@example.org\",\"note\":\"ann@example.org\"}");
    new Redactor(
            List.of(
                new Redaction("email", new RedactOp.HashKeyed()),
                new Redaction("note", new RedactOp.Hash())),
            SCHEMA,
            KEY)
        .apply(e);
    assertEquals(64, e.text(2).length());
    assertEquals(64, e.text(5).length());
    assertEquals(sha256Hex("ann@example.org"), e.text(5));
    assertNotEquals(e.text(5), e.text(2), "keyed hash differs from the plain hash");
    Event again = event("{\"id\":\"2\",\"email\":\"ann@example.org\"}");
    redactor("email", new RedactOp.HashKeyed()).apply(again);
    assertEquals(e.text(2), again.text(2), "same key, same value: joinable");
  }

  private static String sha256Hex(String text) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void generalizeIpZeroesHostBitsForBothFamilies() {
    Event e =
        event(
            "{\"id\":\"1\",\"v4\":\"203.0.113.77\",\"v6\":\"2001:db8:abcd:12:1:2:3:4\","
                + "\"raw_ip\":\"198.51.100.9\"}");
    new Redactor(
            List.of(
                new Redaction("v4", new RedactOp.GeneralizeIp(24)),
                new Redaction("v6", new RedactOp.GeneralizeIp(48)),
                new Redaction("raw_ip", new RedactOp.GeneralizeIp(16))),
            SCHEMA,
            KEY)
        .apply(e);
    assertEquals("203.0.113.0", e.text(3));
    assertEquals("2001:db8:abcd::", e.text(4));
    assertEquals("198.51.0.0", e.text(7));
    Event mapped = event("{\"id\":\"1\",\"v6\":\"192.0.2.200\"}");
    redactor("v6", new RedactOp.GeneralizeIp(48)).apply(mapped);
    assertEquals("::ffff:c000:200", mapped.text(4), "an IPv4 value under a v6 prefix keeps /24");
  }

  @Test
  void generalizeFailsClosedOnTextThatIsNoAddress() {
    Event e = event("{\"id\":\"1\",\"raw_ip\":\"not an ip\"}");
    redactor("raw_ip", new RedactOp.GeneralizeIp(24)).apply(e);
    assertFalse(e.isPresent(7));
  }

  @Test
  void numbersBecomeTextAndDropRemoves() {
    Event e = event("{\"id\":\"1\",\"amount\":123456,\"note\":\"secret\"}");
    new Redactor(
            List.of(
                new Redaction("amount", new RedactOp.MaskPrefix(2)),
                new Redaction("note", new RedactOp.Drop())),
            SCHEMA,
            KEY)
        .apply(e);
    assertEquals("12****", e.text(6));
    assertFalse(e.isPresent(5));
    Event truncated = event("{\"id\":\"1\",\"note\":\"日本語のテキスト\"}");
    redactor("note", new RedactOp.Truncate(3)).apply(truncated);
    assertEquals("日本語", truncated.text(5));
  }

  @Test
  void keyedHashWithoutKeyIsRefusedUpFront() {
    var error =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new Redactor(
                    List.of(new Redaction("email", new RedactOp.HashKeyed())), SCHEMA, null));
    assertTrue(error.getMessage().contains("needs the deployment key"), error.getMessage());
  }
}
