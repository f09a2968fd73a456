package dev.ben.benctl.testrun;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectationsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ACTUAL =
      """
      {"line":3,"rules":["a","b"],"action":"flag","facts":{"level":"HOT","other":"x"},
       "detectors":{"d.fails":21.0,"d.ewma":7.200000000000001},"playbooks":[{"playbook":"p","status":"FIRED"}]}""";

  private static List<String> diff(String expected) throws Exception {
    JsonNode actual = JSON.readTree(ACTUAL);
    return Expectations.differences(JSON.readTree(expected), actual);
  }

  @Test
  void anEmptyExpectationAcceptsAnything() throws Exception {
    assertEquals(List.of(), diff("{}"));
  }

  @Test
  void objectsAreComparedByTheKeysTheExpectationLists() throws Exception {
    assertEquals(
        List.of(), diff("{\"facts\":{\"level\":\"HOT\"},\"playbooks\":[{\"status\":\"FIRED\"}]}"));
    assertEquals(
        List.of("facts.level: expected \"WARM\", got \"HOT\""),
        diff("{\"facts\":{\"level\":\"WARM\"}}"));
  }

  @Test
  void arraysMustMatchElementByElement() throws Exception {
    assertEquals(
        List.of("rules: expected [\"b\",\"a\"], got [\"a\",\"b\"]"),
        diff("{\"rules\":[\"b\",\"a\"]}"));
    assertEquals(
        List.of("rules: expected [\"a\"], got [\"a\",\"b\"]"), diff("{\"rules\":[\"a\"]}"));
  }

  @Test
  void numbersCompareByValueWithinFloatingPointNoise() throws Exception {
    assertEquals(List.of(), diff("{\"detectors\":{\"d.fails\":21,\"d.ewma\":7.2}}"));
    assertEquals(
        List.of("detectors.d.fails: expected 20, got 21.0"),
        diff("{\"detectors\":{\"d.fails\":20}}"));
  }

  @Test
  void aMissingKeyIsReported() throws Exception {
    assertEquals(List.of("refused: expected \"x\", but it is absent"), diff("{\"refused\":\"x\"}"));
  }
}
