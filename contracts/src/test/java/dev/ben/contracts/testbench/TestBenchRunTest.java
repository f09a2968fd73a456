package dev.ben.contracts.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.project.ProjectLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestBenchRunTest {

  private static final Path AUTH = Path.of("../examples/auth");

  private static ContractSet auth() {
    return ProjectLoader.load(AUTH).compile("dev").orElseThrow();
  }

  @Test
  void linesAreNumberedAsInTheTextAndBlankOnesSkipped() {
    assertEquals(
        List.of(new EventLines.Line(1, "{\"a\":1}"), new EventLines.Line(3, "{\"b\":2}")),
        EventLines.of("{\"a\":1}\n  \n{\"b\":2}\r\n\n"));
  }

  @Test
  void theAttackFiresOnceAndEachOutcomeNamesItsLine() throws IOException {
    String events = Files.readString(AUTH.resolve("events/attack.ndjson"));
    TestBenchRun.Result result =
        TestBenchRun.run(
            auth(), "auth", "login", TestBenchRun.DEFAULT_HASH_KEY, EventLines.of(events));
    List<EventLines.Line> lines = EventLines.of(events);
    assertEquals(lines.size(), result.outcomes().size());
    for (int i = 0; i < lines.size(); i++) {
      assertEquals(lines.get(i).number(), result.outcomes().get(i).get("line").asInt());
    }
    assertEquals(1, result.tally().fired(), result.toJson().toString());
    ObjectNode json = result.toJson();
    assertEquals(lines.size(), json.get("events").asInt());
    assertEquals(1, json.get("playbook_firings").asInt());
    assertEquals(result.outcomes().get(0), json.get("outcomes").get(0));
  }

  @Test
  void theOutputIsTheTextOfEveryOutcomeOnItsOwnLineWithNumbersAsWritten() throws IOException {
    TestBenchRun.Result result =
        TestBenchRun.run(
            auth(),
            "auth",
            "login",
            TestBenchRun.DEFAULT_HASH_KEY,
            EventLines.of(Files.readString(AUTH.resolve("events/attack.ndjson"))));
    String output = result.toJson().get("output").asText();
    List<String> lines = output.lines().toList();
    assertEquals(result.outcomes().size(), lines.size());
    assertTrue(output.endsWith("}\n"), output);
    assertEquals(result.outcomes().get(0).toString(), lines.get(0));
    // A detector's count is a double: the text keeps its decimal point, which a reader that
    // re-serialises parsed JSON would drop.
    assertTrue(lines.get(0).contains("\"login_rate.fails\":1.0"), lines.get(0));
  }

  @Test
  void refusedLinesAreCountedAndCarryTheReason() {
    TestBenchRun.Result result =
        TestBenchRun.run(
            auth(),
            "auth",
            "login",
            TestBenchRun.DEFAULT_HASH_KEY,
            EventLines.of("not json\n{\"attempts\":\"x\"}\n"));
    assertEquals(2, result.tally().refused());
    for (JsonNode outcome : result.outcomes()) {
      assertTrue(outcome.has("refused"), outcome.toString());
    }
  }
}
