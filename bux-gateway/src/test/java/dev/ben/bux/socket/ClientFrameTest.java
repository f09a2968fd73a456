package dev.ben.bux.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientFrameTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final FrameRules RULES =
      new FrameRules(
          Map.of("metrics", Set.of(), "tail", TailFilter.FIELDS), List.of("testbench"), 8);

  private static ClientFrame parse(String text) {
    return ClientFrame.parse(JSON, text, RULES);
  }

  private static FrameRefusedException refused(String text) {
    return assertThrows(FrameRefusedException.class, () -> parse(text));
  }

  @Test
  void aSubscribeCarriesItsTopicFilterAndResumePoint() {
    ClientFrame.Subscribe subscribe =
        assertInstanceOf(
            ClientFrame.Subscribe.class,
            parse(
                "{\"op\":\"subscribe\",\"sub\":\"t1\",\"topic\":\"tail\","
                    + "\"filter\":{\"pipeline\":\"auth\",\"rule\":\"brute_force\",\"app\":null},"
                    + "\"after\":41}"));
    assertEquals("t1", subscribe.sub());
    assertEquals("tail", subscribe.topic());
    assertEquals(Map.of("pipeline", "auth", "rule", "brute_force"), subscribe.filter().fields());
    assertEquals(41L, subscribe.after());
    ClientFrame.Subscribe plain =
        (ClientFrame.Subscribe) parse("{\"op\":\"subscribe\",\"sub\":\"m\",\"topic\":\"metrics\"}");
    assertEquals(TopicFilter.NONE, plain.filter());
    assertNull(plain.after());
  }

  @Test
  void unsubscribeAndRequestAreParsed() {
    assertEquals(
        new ClientFrame.Unsubscribe("t1"), parse("{\"op\":\"unsubscribe\",\"sub\":\"t1\"}"));
    ClientFrame.Request request =
        (ClientFrame.Request)
            parse(
                "{\"op\":\"request\",\"id\":\"r1\",\"method\":\"testbench\",\"params\":{\"a\":1}}");
    assertEquals("r1", request.id());
    assertEquals(1, request.params().get("a").asInt());
    ClientFrame.Request bare =
        (ClientFrame.Request) parse("{\"op\":\"request\",\"id\":\"r2\",\"method\":\"testbench\"}");
    assertTrue(bare.params().isObject() && bare.params().isEmpty());
  }

  @Test
  void eachMistakeIsNamedAndTiedToItsSubscriptionOrRequest() {
    assertTrue(refused("{").getMessage().contains("not JSON"));
    assertTrue(refused("[1]").getMessage().contains("one JSON object"));
    assertTrue(refused("{\"op\":\"publish\"}").getMessage().contains("unknown op \"publish\""));
    assertTrue(
        refused("{\"op\":\"subscribe\",\"topic\":\"tail\"}")
            .getMessage()
            .contains("sub is missing"));
    assertTrue(
        refused("{\"op\":\"subscribe\",\"sub\":\"123456789\",\"topic\":\"tail\"}")
            .getMessage()
            .contains("longer than 8"));
    FrameRefusedException topic =
        refused("{\"op\":\"subscribe\",\"sub\":\"s\",\"topic\":\"secrets\"}");
    assertEquals(Optional.of("s"), topic.sub());
    assertTrue(topic.getMessage().contains("[metrics, tail]"), topic.getMessage());
    FrameRefusedException field =
        refused(
            "{\"op\":\"subscribe\",\"sub\":\"s\",\"topic\":\"tail\",\"filter\":{\"user\":\"ann\"}}");
    assertTrue(field.getMessage().contains("not on user"), field.getMessage());
    assertTrue(
        refused(
                "{\"op\":\"subscribe\",\"sub\":\"s\",\"topic\":\"metrics\",\"filter\":{\"app\":\"x\"}}")
            .getMessage()
            .contains("takes no filter"));
    assertTrue(
        refused("{\"op\":\"subscribe\",\"sub\":\"s\",\"topic\":\"tail\",\"filter\":{\"app\":1}}")
            .getMessage()
            .contains("must be text"));
    assertTrue(
        refused("{\"op\":\"subscribe\",\"sub\":\"s\",\"topic\":\"tail\",\"after\":-1}")
            .getMessage()
            .contains("after must be"));
    FrameRefusedException method = refused("{\"op\":\"request\",\"id\":\"r\",\"method\":\"drop\"}");
    assertEquals(Optional.of("r"), method.id());
    assertTrue(method.getMessage().contains("[testbench]"));
    assertTrue(
        refused("{\"op\":\"request\",\"id\":\"r\",\"method\":\"testbench\",\"params\":[]}")
            .getMessage()
            .contains("params must be"));
  }

  /** Random and damaged frames: parsing either succeeds or refuses, never anything else. */
  @Test
  void noTextMakesParsingThrowAnythingButARefusal() {
    List<String> valid =
        List.of(
            "{\"op\":\"subscribe\",\"sub\":\"t1\",\"topic\":\"tail\",\"filter\":{\"app\":\"web\"},\"after\":3}",
            "{\"op\":\"unsubscribe\",\"sub\":\"t1\"}",
            "{\"op\":\"request\",\"id\":\"r\",\"method\":\"testbench\",\"params\":{\"events\":\"{}\"}}");
    String alphabet = "{}[]\":,0123456789.-eE+ \\ntruefalsnopsubcrietag\u0000\u00e9\ud83d\ude00";
    Random random = new Random(15);
    for (int round = 0; round < 20_000; round++) {
      String text;
      if (round % 2 == 0) {
        StringBuilder damaged = new StringBuilder(valid.get(round % valid.size()));
        for (int edit = random.nextInt(4) + 1; edit > 0 && damaged.length() > 0; edit--) {
          int at = random.nextInt(damaged.length());
          switch (random.nextInt(3)) {
            case 0 -> damaged.deleteCharAt(at);
            case 1 -> damaged.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
            default -> damaged.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
          }
        }
        text = damaged.toString();
      } else {
        StringBuilder noise = new StringBuilder();
        for (int i = random.nextInt(40); i > 0; i--) {
          noise.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        text = noise.toString();
      }
      try {
        parse(text);
      } catch (FrameRefusedException expected) {
        assertTrue(!expected.getMessage().isEmpty(), text);
      }
    }
    // Deep nesting is refused by the parser's limits, not by a stack overflow.
    assertThrows(FrameRefusedException.class, () -> parse("[".repeat(100_000)));
  }
}
