package dev.ben.benctl.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.api.control.BacktestRequest;
import dev.ben.benctl.BenctlHarness.Result;
import dev.ben.benctl.ExampleProjects;
import dev.ben.benctl.FakeControlServer.Call;
import dev.ben.benctl.FakeControlSession;
import dev.ben.benctl.command.ExitCode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code benctl backtest}: on the server (progress on stderr, the report as a table or JSON), and
 * over a local events file against bundles the server hands out.
 */
class BacktestCommandTest {

  private static final String TOKEN = "good-token";
  private static final Path ATTACK = Path.of("..", "examples", "auth", "events", "attack.ndjson");

  @RegisterExtension final FakeControlSession session = new FakeControlSession(TOKEN);

  private Result benctl(String... args) {
    return session.run(args);
  }

  private Call lastCall(String method) {
    return session.lastCall(method);
  }

  @Test
  void theServerRunPrintsCountsChangesAndWarningsAfterAProgressLine() {
    Result run =
        benctl(
            "backtest",
            "auth",
            "--version",
            "2",
            "--from",
            "2024-05-01T00:00:00Z",
            "--to",
            "2024-05-02T00:00:00Z");
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    BacktestRequest sent = (BacktestRequest) lastCall("backtest").request();
    assertEquals("auth", sent.getPipeline());
    assertEquals(2, sent.getVersion());
    assertEquals(1_714_521_600_000L, sent.getFromMillis());
    assertEquals(1_714_608_000_000L, sent.getToMillis());
    assertEquals("Bearer " + TOKEN, lastCall("backtest").authorization().orElseThrow());
    assertTrue(run.err().contains("replayed 24 events, 8 changed"), run.err());
    assertTrue(run.out().contains("auth: v2 against v1 (active) over 24 events"), run.out());
    assertTrue(run.out().matches("(?s).*rule +brute_force +fired +24 +20 +-4\n.*"), run.out());
    assertTrue(run.out().matches("(?s).*playbook +lockout +fired +1 +0 +-1\n.*"), run.out());
    assertTrue(run.out().contains("8 of 24 events decided differently (the first 1):"), run.out());
    assertTrue(run.out().matches("(?s).*evt-1 +flag +pass\n.*"), run.out());
    assertTrue(
        run.out()
            .contains(
                "warning: predicate mail reads email, stored only redacted: "
                    + "not replayable from stored data (24 events held a value)"),
        run.out());
  }

  @Test
  void jsonOutputIsTheReport() throws Exception {
    Result run = benctl("backtest", "auth", "-o", "json");
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertEquals(8, report.get("changed").asInt());
    assertEquals(-4, report.get("counts").get(0).get("delta").asInt());
    assertEquals("email", report.get("not_replayable").get(0).get("fields").get(0).asText());
    assertEquals(0, ((BacktestRequest) lastCall("backtest").request()).getVersion());
  }

  @Test
  void anEventsFileRunsHereAgainstTheServersBundles() {
    Result run = benctl("backtest", "auth", "--version", "2", "--events", ATTACK.toString());
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertTrue(run.out().matches("(?s).*rule +brute_force +fired +24 +20 +-4\n.*"), run.out());
    assertTrue(run.out().matches("(?s).*playbook +lockout +suppressed +3 +0 +-3\n.*"), run.out());
    assertTrue(run.out().contains("8 of 24 events decided differently:"), run.out());
    assertTrue(run.out().matches("(?s).*attack.ndjson:1 +flag +pass\n.*"), run.out());
    assertTrue(run.err().isEmpty(), run.err());
  }

  @Test
  void aLocalCandidateProjectIsComparedWithTheActiveVersion() {
    Path project = ExampleProjects.copy("auth", session.dir());
    Result run =
        benctl(
            "backtest", "auth", "--candidate", project.toString(), "--events", ATTACK.toString());
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertTrue(run.out().contains("0 of 24 events decided differently"), run.out());
  }

  @Test
  void misusedOptionsAreUsageErrors() {
    assertEquals(
        ExitCode.USAGE,
        benctl("backtest", "auth", "--events", ATTACK.toString(), "--from", "2024-05-01T00:00:00Z")
            .exitCode());
    Result noCandidate = benctl("backtest", "auth", "--events", ATTACK.toString());
    assertEquals(ExitCode.USAGE, noCandidate.exitCode());
    assertTrue(noCandidate.err().contains("--version V or --candidate"), noCandidate.err());
    assertEquals(ExitCode.USAGE, benctl("backtest", "auth", "--schema", "login").exitCode());
  }

  @Test
  void anUnknownVersionIsRefusedWithTheServersReason() {
    Result run = benctl("backtest", "auth", "--version", "9", "--events", ATTACK.toString());
    assertEquals(ExitCode.REFUSED, run.exitCode(), run::toString);
    assertTrue(run.err().contains("auth has no v9"), run.err());
  }
}
