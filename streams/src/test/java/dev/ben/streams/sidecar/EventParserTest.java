package dev.ben.streams.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventParserTest {

  private final EventParser parser = new EventParser(new ObjectMapper(), 1024);

  private EventParser.Parsed parse(String text) {
    return parser.parse(
        new LineSplitter.Line(7, text.getBytes(StandardCharsets.UTF_8)), "auth", "web", 1000L);
  }

  @Test
  void anObjectBecomesAnEnvelopeWithAFreshId() {
    var first =
        assertInstanceOf(EventParser.Accepted.class, parse("{\"user\":\"ann\",\"attempts\":3}"));
    var second = assertInstanceOf(EventParser.Accepted.class, parse("{\"user\":\"ann\"}"));
    assertEquals("ann", first.envelope().body().get("user").asText());
    assertEquals("auth", first.envelope().pipeline());
    assertEquals("web", first.envelope().app());
    assertEquals(36, first.envelope().eventId().length());
    assertNotEquals(first.envelope().eventId(), second.envelope().eventId());
  }

  @Test
  void malformedJsonIsRefusedWithTheColumn() {
    var refused = assertInstanceOf(EventParser.Refused.class, parse("{\"user\": ann}"));
    assertEquals("malformed_json", refused.reason());
    assertEquals(7, refused.line());
    assertTrue(
        refused.detail().startsWith("not valid JSON at column 14: Unrecognized token 'ann'"),
        refused.detail());
  }

  @Test
  void nonObjectsAreRefusedSayingWhatTheyWere() {
    var refused = assertInstanceOf(EventParser.Refused.class, parse("[1,2]"));
    assertEquals("not_an_object", refused.reason());
    assertEquals("each line must be one JSON object, got an array", refused.detail());
  }

  @Test
  void blankAndOverlongLines() {
    assertInstanceOf(EventParser.Blank.class, parse("  \t"));
    var tooLong =
        assertInstanceOf(
            EventParser.Refused.class,
            parser.parse(new LineSplitter.Line(3, null), "auth", "web", 0));
    assertEquals("line_too_long", tooLong.reason());
  }

  @Test
  void aKeyGivenTwiceIsRefusedNamingTheKeyAndWhereItIs() {
    var top = assertInstanceOf(EventParser.Refused.class, parse("{\"user\":\"a\",\"user\":\"b\"}"));
    assertEquals("duplicate_key", top.reason());
    assertEquals(
        "the key `user` appears twice in one object at `/user`; send each key once", top.detail());
    var nested =
        assertInstanceOf(
            EventParser.Refused.class, parse("{\"geo\":{\"ip\":1,\"city\":\"x\",\"ip\":2}}"));
    assertEquals("duplicate_key", nested.reason());
    assertTrue(
        nested.detail().contains("`ip`") && nested.detail().contains("`/geo/ip`"), nested.detail());
  }

  @Test
  void theSharedMapperStillMergesDuplicateKeysForItsOtherUsers() throws Exception {
    ObjectMapper shared = new ObjectMapper();
    new EventParser(shared, 1024);
    assertEquals(2, shared.readTree("{\"a\":1,\"a\":2}").get("a").asInt());
  }

  @Test
  void numbersTheStoreCannotKeepAreRefusedNamingTheirPath() {
    var infinite = assertInstanceOf(EventParser.Refused.class, parse("{\"m\":{\"v\":[1,1e309]}}"));
    assertEquals("number_out_of_range", infinite.reason());
    assertTrue(infinite.detail().contains("`/m/v/1`"), infinite.detail());
    assertTrue(infinite.detail().contains("Infinity"), infinite.detail());
    var negative = assertInstanceOf(EventParser.Refused.class, parse("{\"a/b\":-1e309}"));
    assertTrue(negative.detail().contains("`/a~1b`"), negative.detail());
    var huge = assertInstanceOf(EventParser.Refused.class, parse("{\"id\":18446744073709551616}"));
    assertEquals("number_out_of_range", huge.reason());
    assertTrue(huge.detail().contains("18446744073709551616"), huge.detail());
    var tooNegative =
        assertInstanceOf(EventParser.Refused.class, parse("{\"id\":-9223372036854775809}"));
    assertEquals("number_out_of_range", tooNegative.reason());
  }

  @Test
  void numbersAtTheEdgesOfWhatTheStoreKeepsAreAccepted() {
    var accepted =
        assertInstanceOf(
            EventParser.Accepted.class,
            parse(
                "{\"u\":18446744073709551615,\"i\":-9223372036854775808,"
                    + "\"f\":1.7976931348623157e308,\"tiny\":4.9e-324}"));
    assertEquals("18446744073709551615", accepted.envelope().body().get("u").toString());
    assertEquals(-9223372036854775808L, accepted.envelope().body().get("i").asLong());
  }
}
