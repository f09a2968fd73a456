package dev.ben.benctl.testrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.benctl.BenctlHarness;
import dev.ben.benctl.ExampleProjects;
import dev.ben.benctl.command.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  @Test
  void theExamplesMeetTheirExpectations() {
    for (String example : List.of("auth", "web")) {
      var result = BenctlHarness.run("test", ExampleProjects.copy(example, temp).toString());
      assertEquals(ExitCode.OK, result.exitCode(), result::toString);
      assertTrue(result.out().contains("every expectation in"), result::toString);
    }
  }

  @Test
  void jsonPrintsOneObjectPerEventWithEveryOutcome() throws Exception {
    Path project = ExampleProjects.copy("auth", temp);
    Path events = project.resolve("events/logins.ndjson");
    var result =
        BenctlHarness.run("test", project.toString(), "--events", events.toString(), "-o", "json");
    assertEquals(ExitCode.OK, result.exitCode(), result::toString);
    List<JsonNode> lines = new ArrayList<>();
    for (String line : result.out().split("\n")) {
      lines.add(JSON.readTree(line));
    }
    assertEquals(8, lines.size());
    for (String key : List.of("bits", "rules", "facts", "redacted", "detectors", "playbooks")) {
      assertTrue(lines.get(0).has(key), key + " missing from " + lines.get(0));
    }
    assertEquals("brute_force", lines.get(1).get("rules").get(0).asText());
    assertEquals("************5559", lines.get(1).get("redacted").get("card").asText());
    assertTrue(lines.get(5).get("refused").asText().startsWith("login.attempts: expects u32"));
    assertTrue(result.err().contains("8 events, 3 refused"), result::toString);
  }

  @Test
  void detectorStateCarriesFromEventToEventAndThePlaybookFiresOnce() throws Exception {
    Path project = ExampleProjects.copy("auth", temp);
    var result =
        BenctlHarness.run(
            "test",
            project.toString(),
            "--events",
            project.resolve("events/attack.ndjson").toString(),
            "-o",
            "json");
    String[] lines = result.out().split("\n");
    assertEquals(24, lines.length);
    assertEquals(
        24.0, JSON.readTree(lines[23]).get("detectors").get("login_rate.fails").asDouble());
    assertEquals("FIRED", JSON.readTree(lines[20]).get("playbooks").get(0).get("status").asText());
    assertEquals(
        "SUPPRESSED", JSON.readTree(lines[21]).get("playbooks").get(0).get("status").asText());
  }

  @Test
  void aDifferenceFromTheExpectFileExitsOneAndSaysWhere() throws Exception {
    Path project = ExampleProjects.copy("auth", temp);
    Path expect = project.resolve("events/logins.expect");
    Files.writeString(
        expect,
        Files.readString(expect)
            .replace("\"attempts_level\":\"HOT\"", "\"attempts_level\":\"WARM\""));
    var result = BenctlHarness.run("test", project.toString());
    assertEquals(ExitCode.REFUSED, result.exitCode(), result::toString);
    assertTrue(
        result
            .err()
            .contains("logins.ndjson line 2: facts.attempts_level: expected \"WARM\", got \"HOT\""),
        result::toString);
    assertTrue(result.out().contains("1 differences from"), result::toString);
  }

  @Test
  void writeExpectRecordsTheRunSoTheNextRunChecksIt() throws Exception {
    Path project = ExampleProjects.copy("web", temp);
    Files.delete(project.resolve("events/beacons.expect"));
    var write = BenctlHarness.run("test", project.toString(), "--write-expect");
    assertEquals(ExitCode.OK, write.exitCode(), write::toString);
    assertEquals(17, Files.readAllLines(project.resolve("events/beacons.expect")).size());
    var check = BenctlHarness.run("test", project.toString());
    assertEquals(ExitCode.OK, check.exitCode(), check::toString);
    assertTrue(check.out().contains("every expectation in"), check::toString);
  }

  @Test
  void aBuiltBundleRunsLikeItsSources() {
    Path project = ExampleProjects.copy("auth", temp);
    assertEquals(ExitCode.OK, BenctlHarness.run("build", project.toString()).exitCode());
    String events = project.resolve("events/attack.ndjson").toString();
    var fromBundle =
        BenctlHarness.run(
            "test",
            project.resolve("target/auth.bundle").toString(),
            "--events",
            events,
            "-o",
            "json");
    var fromSources =
        BenctlHarness.run("test", project.toString(), "--events", events, "-o", "json");
    assertEquals(ExitCode.OK, fromBundle.exitCode(), fromBundle::toString);
    assertEquals(fromSources.out().replace("\"dev\"", "\"bundle\""), fromBundle.out());
  }

  @Test
  void aBundleNamedByItsLedgerVersionPrintsThatVersionAsANodeRunningItDoes() {
    Path project = ExampleProjects.copy("auth", temp);
    assertEquals(ExitCode.OK, BenctlHarness.run("build", project.toString()).exitCode());
    String events = project.resolve("events/attack.ndjson").toString();
    var asV3 =
        BenctlHarness.run(
            "test",
            project.resolve("target/auth.bundle").toString(),
            "--contract-version",
            "3",
            "--events",
            events,
            "-o",
            "json");
    var fromSources =
        BenctlHarness.run("test", project.toString(), "--events", events, "-o", "json");
    assertEquals(ExitCode.OK, asV3.exitCode(), asV3::toString);
    assertTrue(asV3.out().contains("\"contractVersion\":\"v3\""), asV3::toString);
    assertEquals(fromSources.out().replace("\"dev\"", "\"v3\""), asV3.out());

    var onAFolder =
        BenctlHarness.run(
            "test", project.toString(), "--contract-version", "3", "--events", events);
    assertEquals(ExitCode.USAGE, onAFolder.exitCode(), onAFolder::toString);
    assertTrue(onAFolder.err().contains("--contract-version"), onAFolder::toString);
  }

  @Test
  void noEventsIsAUsageErrorThatSaysWhatToPass() throws Exception {
    Path project = ExampleProjects.copy("auth", temp);
    try (var files = Files.list(project.resolve("events"))) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    var result = BenctlHarness.run("test", project.toString());
    assertEquals(ExitCode.USAGE, result.exitCode(), result::toString);
    assertTrue(
        result.err().contains("holds no *.ndjson events files; pass --events FILE.ndjson"),
        result::toString);
  }
}
