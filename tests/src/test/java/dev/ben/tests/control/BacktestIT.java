package dev.ben.tests.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.benctl.BenctlHarness;
import dev.ben.benctl.BenctlHarness.Result;
import dev.ben.benctl.ExampleProjects;
import dev.ben.benctl.command.Environment;
import dev.ben.benctl.command.ExitCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code benctl backtest auth --version 2} on a real node (embedded connectors): examples/auth v1
 * deployed and its attack posted, then a v2 staged whose {@code failed_burst} needs more than 10
 * attempts instead of 5. The backtest over the stored attack must count, rule by rule and playbook
 * by playbook, what {@code benctl test} counts over the same events for v1 (before) and v2 (after).
 */
class BacktestIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration AWAIT = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(300);
  private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

  @TempDir static Path home;
  @TempDir static Path benctlConfig;
  @TempDir static Path work;

  private static ClusterNode node;
  private static Environment admin;
  private static Path v1;
  private static Path v2;

  /** The attack without its .expect, which holds for v1 only. */
  private static Path attackEvents;

  @BeforeAll
  static void deployV1PostTheAttackStageV2() throws Exception {
    node = ClusterNode.standalone(home, EXAMPLES.resolve("auth/keys/auth.pub"));
    admin =
        BenctlLogin.loggedIn(
            benctlConfig.resolve("config.json"), node.controlAddress(), AWAIT, home);
    String appKey = BenctlLogin.appKey(admin, node.controlAddress(), "default");

    v1 = ExampleProjects.copy("auth", work.resolve("v1"));
    ok(BenctlHarness.run("build", v1.toString()));
    ok(benctl("stage", v1.toString()));
    Result deploy = ok(benctl("deploy", "auth", "--wait", "20"));
    assertEquals("", deploy.err(), deploy::toString);

    attackEvents =
        Files.copy(EXAMPLES.resolve("auth/events/attack.ndjson"), work.resolve("attack.ndjson"));
    List<String> attack = Files.readAllLines(attackEvents);
    JsonNode posted = JSON.readTree(post(appKey, String.join("\n", attack) + "\n"));
    assertEquals(attack.size(), posted.path("accepted").asInt(), posted::toPrettyString);

    v2 = ExampleProjects.copy("auth", work.resolve("v2"));
    Path guard = v2.resolve("guard.ben");
    String sources = Files.readString(guard);
    assertTrue(sources.contains("attempts > 5"), sources);
    Files.writeString(guard, sources.replace("attempts > 5", "attempts > 10"));
    ok(BenctlHarness.run("build", v2.toString()));
    JsonNode staged = json(benctl("stage", v2.toString(), "-o", "json")).get("staged");
    assertEquals(2, staged.get(0).get("version").asLong(), staged::toPrettyString);
  }

  @AfterAll
  static void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void theStoredAttackCountsWhatTheTestBenchCountsForEachVersion() {
    JsonNode report = awaitStored();
    assertEquals("v1", report.get("baseline").asText(), report::toPrettyString);
    assertEquals("v2", report.get("candidate").asText(), report::toPrettyString);
    List<JsonNode> before = testBench(v1);
    List<JsonNode> after = testBench(v2);
    int compared = 0;
    for (JsonNode count : report.get("counts")) {
      String kind = count.get("kind").asText();
      if (kind.equals("events")) {
        assertEquals(0, count.get("before").asLong(), count::toString);
        continue;
      }
      String name = count.get("name").asText();
      String measure = count.get("measure").asText();
      assertEquals(
          benchCount(before, kind, name, measure), count.get("before").asLong(), count::toString);
      assertEquals(
          benchCount(after, kind, name, measure), count.get("after").asLong(), count::toString);
      compared++;
    }
    assertTrue(compared >= 3, report::toPrettyString);
    JsonNode bruteForce = find(report, "rule", "brute_force", "fired");
    assertEquals(24, bruteForce.get("before").asLong(), report::toPrettyString);
    assertEquals(20, bruteForce.get("after").asLong(), report::toPrettyString);
    assertEquals(-4, bruteForce.get("delta").asLong(), report::toPrettyString);
    assertEquals(1, find(report, "playbook", "lockout", "fired").get("before").asLong());
    assertEquals(0, find(report, "playbook", "lockout", "fired").get("after").asLong());
    assertEquals(8, report.get("changed").asLong(), report::toPrettyString);
    // The stored emails are hashed, and no predicate of v2 reads them.
    assertTrue(report.get("not_replayable").isEmpty(), report::toPrettyString);
  }

  @Test
  void theTableShowsBeforeAfterAndDeltaAfterAProgressLine() {
    awaitStored();
    Result run = ok(benctl("backtest", "auth", "--version", "2"));
    assertTrue(run.err().contains("replayed 24 events, 8 changed"), run::toString);
    assertTrue(
        run.out().startsWith("auth: v2 against v1 (active) over 24 events\n"), run::toString);
    assertTrue(
        run.out().matches("(?s).*\nrule +brute_force +fired +24 +20 +-4\n.*"), run::toString);
    assertTrue(run.out().contains("8 of 24 events decided differently:"), run::toString);
    assertFalse(run.out().contains("warning:"), run::toString);
  }

  @Test
  void anUnknownVersionIsRefused() {
    Result unknown = benctl("backtest", "auth", "--version", "9");
    assertEquals(ExitCode.REFUSED, unknown.exitCode(), unknown::toString);
    assertTrue(unknown.err().contains("9"), unknown::toString);
  }

  /** The report once the node has stored all 24 events (the store is written in batches). */
  private static JsonNode awaitStored() {
    long deadline = System.nanoTime() + AWAIT.toNanos();
    JsonNode report = json(benctl("backtest", "auth", "--version", "2", "-o", "json"));
    while (report.get("events").asLong() < 24 && System.nanoTime() < deadline) {
      LockSupport.parkNanos(POLL.toNanos());
      report = json(benctl("backtest", "auth", "--version", "2", "-o", "json"));
    }
    assertEquals(24, report.get("events").asLong(), report::toPrettyString);
    return report;
  }

  private static JsonNode find(JsonNode report, String kind, String name, String measure) {
    for (JsonNode count : report.get("counts")) {
      if (count.get("kind").asText().equals(kind)
          && count.get("name").asText().equals(name)
          && count.get("measure").asText().equals(measure)) {
        return count;
      }
    }
    throw new AssertionError("no " + kind + " " + name + " " + measure + " in " + report);
  }

  /** {@code benctl test PROJECT --events attack.ndjson -o json}: one outcome per line. */
  private static List<JsonNode> testBench(Path project) {
    Result run =
        BenctlHarness.run(
            "test", project.toString(), "--events", attackEvents.toString(), "-o", "json");
    ok(run);
    List<JsonNode> outcomes = new ArrayList<>();
    for (String line : run.out().lines().toList()) {
      try {
        outcomes.add(JSON.readTree(line));
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + line, e);
      }
    }
    assertEquals(24, outcomes.size(), run::toString);
    return outcomes;
  }

  private static long benchCount(
      List<JsonNode> outcomes, String kind, String name, String measure) {
    long count = 0;
    for (JsonNode outcome : outcomes) {
      if (kind.equals("rule")) {
        for (JsonNode rule : outcome.path("rules")) {
          count += rule.asText().equals(name) ? 1 : 0;
        }
        continue;
      }
      for (JsonNode playbook : outcome.path("playbooks")) {
        String status = playbook.get("status").asText().equals("FIRED") ? "fired" : "suppressed";
        count += playbook.get("playbook").asText().equals(name) && status.equals(measure) ? 1 : 0;
      }
    }
    return count;
  }

  private static Result benctl(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--server", node.controlAddress()));
    return BenctlHarness.run(admin, all.toArray(String[]::new));
  }

  private static Result ok(Result run) {
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    return run;
  }

  private static JsonNode json(Result run) {
    ok(run);
    try {
      return JSON.readTree(run.out());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + run, e);
    }
  }

  private static String post(String appKey, String ndjson) {
    URI uri = URI.create("http://127.0.0.1:" + node.ingestPort() + "/api/v1/events?pipeline=auth");
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(uri)
                  .header("Authorization", "Bearer " + appKey)
                  .header("Content-Type", "application/x-ndjson")
                  .POST(HttpRequest.BodyPublishers.ofString(ndjson))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while posting to " + uri, e);
    }
  }
}
