package dev.ben.bux.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.config.WebSocketSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestBenchParamsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final WebSocketSettings LIMITS =
      new WebSocketSettings(4, 8, 1024, Duration.ofSeconds(1), 3, 16, 64, 3);

  private static TestBenchParams parse(String params) throws Exception {
    return TestBenchParams.parse(JSON.readTree(params), LIMITS);
  }

  private static String refused(String params) {
    return assertThrows(IllegalArgumentException.class, () -> parse(params)).getMessage();
  }

  @Test
  void aVersionOrSourcesNameTheContracts() throws Exception {
    TestBenchParams staged =
        parse("{\"pipeline\":\"auth\",\"version\":\"staged\",\"events\":\"{}\\n\\n{}\"}");
    assertEquals(VersionSelector.STAGED, staged.version());
    assertNull(staged.sources());
    assertEquals(2, staged.events().size());
    assertEquals(3, staged.events().get(1).number());
    assertEquals(
        VersionSelector.number(3),
        parse("{\"pipeline\":\"auth\",\"version\":3,\"events\":\"\"}").version());
    TestBenchParams typed =
        parse(
            "{\"pipeline\":\"auth\",\"schema\":\"login\",\"sources\":[{\"path\":\"a.ben\","
                + "\"text\":\"x\"}],\"events\":\"{}\"}");
    assertEquals(Map.of("a.ben", "x"), typed.sources());
    assertEquals("login", typed.schema());
    assertNull(typed.version());
  }

  @Test
  void missingOrBadParametersAreNamed() {
    assertTrue(refused("{\"version\":1,\"events\":\"\"}").contains("pipeline is missing"));
    assertTrue(refused("{\"pipeline\":\"auth\",\"events\":\"\"}").contains("version must be"));
    assertTrue(
        refused("{\"pipeline\":\"auth\",\"version\":0,\"events\":\"\"}")
            .contains("version must be"));
    assertTrue(
        refused("{\"pipeline\":\"auth\",\"version\":\"latest\",\"events\":\"\"}")
            .contains("\"latest\""));
    assertTrue(refused("{\"pipeline\":\"auth\",\"version\":1}").contains("events is missing"));
    assertTrue(
        refused("{\"pipeline\":\"auth\",\"sources\":{},\"events\":\"\"}")
            .contains("sources must be an array"));
    assertTrue(
        refused(
                "{\"pipeline\":\"auth\",\"sources\":[{\"path\":\"a\",\"text\":\"\"},"
                    + "{\"path\":\"a\",\"text\":\"\"}],\"events\":\"\"}")
            .contains("twice"));
  }

  @Test
  void eventsAreBoundedInBytesAndInNumber() {
    String big = "{\\\"pad\\\":\\\"" + "x".repeat(80) + "\\\"}";
    assertTrue(
        refused("{\"pipeline\":\"p\",\"version\":1,\"events\":\"" + big + "\"}")
            .contains("testbench-max-event-bytes"));
    assertTrue(
        refused("{\"pipeline\":\"p\",\"version\":1,\"events\":\"{}\\n{}\\n{}\\n{}\"}")
            .contains("testbench-max-events"));
  }
}
