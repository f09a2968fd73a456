package dev.ben.contracts.bundle;

import static dev.ben.contracts.bundle.TestBundles.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Test
  void sortsKeysAtEveryDepthAndDropsWhitespace() {
    var text =
        CanonicalJson.text(
            json("{ \"b\": [ {\"z\":1, \"a\":2} ], \"a\" : { \"y\": null, \"x\": true } }"));
    assertEquals("{\"a\":{\"x\":true,\"y\":null},\"b\":[{\"a\":2,\"z\":1}]}", text);
  }

  @Test
  void rendersNumbersByValueWhateverTheirJavaType() {
    assertEquals("2", CanonicalJson.number(NODES.numberNode(2)));
    assertEquals("2", CanonicalJson.number(NODES.numberNode(2.0)));
    assertEquals("2", CanonicalJson.number(NODES.numberNode(new BigDecimal("2.000"))));
    assertEquals("2", CanonicalJson.number(NODES.numberNode(2L)));
    assertEquals("0.1", CanonicalJson.number(NODES.numberNode(0.1)));
    assertEquals("0.1", CanonicalJson.number(NODES.numberNode(0.1f)));
    assertEquals("0", CanonicalJson.number(NODES.numberNode(-0.0)));
    assertEquals("-12.5", CanonicalJson.number(NODES.numberNode(-12.5)));
    assertEquals("1E+21", CanonicalJson.number(NODES.numberNode(1e21)));
    assertEquals("1E+21", CanonicalJson.number(NODES.numberNode(BigInteger.TEN.pow(21))));
    assertEquals(
        "100000000000000000000", CanonicalJson.number(NODES.numberNode(BigInteger.TEN.pow(20))));
    assertEquals("1.5E-9", CanonicalJson.number(NODES.numberNode(1.5e-9)));
  }

  @Test
  void renderingIsStableThroughAnExactParseRoundTrip() throws Exception {
    var original =
        json("{\"n\":[1,2.50,1e300,-0.000001,123456789012345678901234567890,3.0e-12],\"s\":\"x\"}");
    String once = CanonicalJson.text(original);
    String twice = CanonicalJson.text(BundleReader.MAPPER.readTree(once));
    assertEquals(once, twice);
    assertEquals(
        "{\"n\":[1,2.5,1E+300,-0.000001,1.2345678901234567890123456789E+29,3E-12],\"s\":\"x\"}",
        once);
  }

  @Test
  void escapesOnlyWhatJsonRequiresAndKeepsUnicodeAsUtf8() {
    var node = NODES.textNode("q\"b\\n\n\t\u0001é🔒");
    assertEquals("\"q\\\"b\\\\n\\n\\t\\u0001é🔒\"", CanonicalJson.text(node));
    assertArrayEquals(
        "\"é🔒\"".getBytes(StandardCharsets.UTF_8), CanonicalJson.bytes(NODES.textNode("é🔒")));
  }

  @Test
  void escapesLoneSurrogatesSoTheyRoundTrip() {
    String text = CanonicalJson.text(NODES.textNode("a\uD800b"));
    assertEquals("\"a\\ud800b\"", text);
    assertEquals("a\uD800b", json(text).textValue());
  }

  @Test
  void refusesNumbersJsonCannotCarry() {
    var error =
        assertThrows(
            IllegalArgumentException.class,
            () -> CanonicalJson.bytes(NODES.numberNode(Double.NaN)));
    assertTrue(error.getMessage().contains("NaN"), error.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> CanonicalJson.bytes(NODES.arrayNode().add(Double.POSITIVE_INFINITY)));
    assertThrows(
        IllegalArgumentException.class,
        () -> CanonicalJson.bytes(NODES.binaryNode(new byte[] {1})));
  }
}
