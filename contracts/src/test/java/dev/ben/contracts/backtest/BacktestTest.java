package dev.ben.contracts.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.model.ModelJson;
import dev.ben.contracts.project.ProjectLoader;
import dev.ben.contracts.project.SourceTree;
import dev.ben.contracts.testbench.EventLines;
import dev.ben.contracts.testbench.TestBenchRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BacktestTest {

  private static final Path AUTH = Path.of("../examples/auth");
  private static final byte[] KEY = TestBenchRun.DEFAULT_HASH_KEY.getBytes(StandardCharsets.UTF_8);

  /** The auth example compiled as {@code version}, with {@code from} replaced by {@code to}. */
  private static ContractSet auth(String version, String from, String to) {
    Map<String, String> files = new HashMap<>();
    for (String name : List.of("ben.project", "guard.ben", "login.ben", "response.ben")) {
      files.put(name, read(AUTH.resolve(name)).replace(from, to));
    }
    files.put("lists/sanctions.txt", read(AUTH.resolve("lists/sanctions.txt")));
    return ProjectLoader.load(SourceTree.of(files)).compile(version).orElseThrow();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<EventLines.Line> attack() {
    return EventLines.of(read(AUTH.resolve("events/attack.ndjson")));
  }

  private static BacktestReport replay(
      ContractSet before, ContractSet after, Map<String, Set<String>> redacted, int shown) {
    Backtest backtest = new Backtest(before, after, "auth", KEY, redacted, shown);
    for (EventLines.Line line : attack()) {
      backtest.replay("login", "e" + line.number(), line.text());
    }
    return backtest.report();
  }

  /** What the test bench counts for one version over the same events. */
  private static long benchCount(ContractSet contracts, String kind, String name, String measure) {
    long count = 0;
    for (JsonNode outcome :
        TestBenchRun.run(contracts, "auth", "login", TestBenchRun.DEFAULT_HASH_KEY, attack())
            .outcomes()) {
      if (kind.equals("rule")) {
        for (JsonNode rule : outcome.path("rules")) {
          count += rule.asText().equals(name) ? 1 : 0;
        }
      } else {
        for (JsonNode playbook : outcome.path("playbooks")) {
          boolean fired = playbook.get("status").asText().equals("FIRED");
          count +=
              playbook.get("playbook").asText().equals(name) && fired == measure.equals("fired")
                  ? 1
                  : 0;
        }
      }
    }
    return count;
  }

  @Test
  void aRaisedThresholdShiftsTheCountsAsTheTestBenchCountsEachVersion() {
    ContractSet v1 = auth("v1", "", "");
    ContractSet v2 = auth("v2", "attempts > 5", "attempts > 10");
    BacktestReport report = replay(v1, v2, Map.of(), 100);

    assertEquals(24, report.events());
    assertEquals("v1", report.baseline());
    assertEquals("v2", report.candidate());
    BacktestReport.Count bruteForce = report.count("rule", "brute_force", "fired");
    assertEquals(24, bruteForce.before());
    assertEquals(20, bruteForce.after());
    assertEquals(-4, bruteForce.delta());
    BacktestReport.Count lockout = report.count("playbook", "lockout", "fired");
    assertEquals(1, lockout.before());
    assertEquals(0, lockout.after());
    assertEquals(3, report.count("playbook", "lockout", "suppressed").before());
    for (BacktestReport.Count count : report.counts()) {
      if (!count.kind().equals("events")) {
        assertEquals(benchCount(v1, count.kind(), count.name(), count.measure()), count.before());
        assertEquals(benchCount(v2, count.kind(), count.name(), count.measure()), count.after());
      }
    }
    // Four bursts stop flagging, and the four lockout outcomes go away.
    assertEquals(8, report.changed());
    assertEquals(
        new BacktestReport.ChangedEvent("e1", "flag", "pass"), report.changedEvents().get(0));
    assertEquals(
        new BacktestReport.ChangedEvent("e21", "flag, lockout fired", "flag"),
        report.changedEvents().get(4));
    assertTrue(report.notReplayable().isEmpty());
  }

  @Test
  void theSameVersionChangesNothing() {
    ContractSet v1 = auth("v1", "", "");
    BacktestReport report = replay(v1, v1, Map.of(), 10);
    assertEquals(0, report.changed());
    report.counts().forEach(count -> assertEquals(0, count.delta(), count.toString()));
  }

  @Test
  void theChangedEventsListIsBoundedButTheTotalCountsThemAll() {
    BacktestReport report =
        replay(auth("v1", "", ""), auth("v2", "attempts > 5", "attempts > 10"), Map.of(), 3);
    assertEquals(8, report.changed());
    assertEquals(3, report.changedEvents().size());
    assertEquals(
        List.of("e1", "e2", "e3"),
        report.changedEvents().stream().map(BacktestReport.ChangedEvent::id).toList());
  }

  @Test
  void aPredicateOnAFieldStoredRedactedIsFlaggedWithTheEventsItTouched() {
    ContractSet v1 = auth("v1", "", "");
    ContractSet v2 =
        auth(
            "v2",
            "  rule scan_blob",
            "  predicate outside_mail = email contains \"@example.net\"\n"
                + "  rule outside = all(outside_mail, failed_burst) => flag\n"
                + "  rule scan_blob");
    Map<String, Set<String>> redacted = Backtest.redactedFields(v1, "auth");
    assertEquals(Map.of("login", Set.of("card", "email")), redacted);

    BacktestReport report = replay(v1, v2, redacted, 10);

    assertEquals(
        List.of(
            new BacktestReport.NotReplayable("predicate", "outside_mail", List.of("email"), 24),
            new BacktestReport.NotReplayable("rule", "outside", List.of("email"), 24)),
        report.notReplayable());
    // The clear events were still replayed: flagged, not hidden.
    assertEquals(0, report.count("rule", "outside", "fired").before());
  }

  @Test
  void eventsGivenInTheClearFlagNothing() {
    ContractSet v2 =
        auth("v2", "  rule scan_blob", "  predicate m = email != null\n  rule scan_blob");
    assertTrue(replay(auth("v1", "", ""), v2, Map.of(), 10).notReplayable().isEmpty());
  }

  @Test
  void theReportReadsBackFromItsJson() throws IOException {
    BacktestReport report =
        replay(auth("v1", "", ""), auth("v2", "attempts > 5", "attempts > 10"), Map.of(), 2);
    String json = ModelJson.mapper().writeValueAsString(report);
    assertTrue(json.contains("\"changed_events\""), json);
    assertTrue(json.contains("\"delta\":-4"), json);
    assertEquals(report, ModelJson.mapper().readValue(json, BacktestReport.class));
  }

  @Test
  void aCandidateWithoutThePipelineIsRefusedByName() {
    ContractSet other = auth("v2", "pipeline auth", "pipeline other");
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Backtest(auth("v1", "", ""), other, "auth", KEY, Map.of(), 1));
    assertTrue(refused.getMessage().contains("no pipeline 'auth'"), refused.getMessage());
    assertNull(auth("v1", "", "").pipeline("other").orElse(null));
  }
}
