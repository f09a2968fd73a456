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
import dev.ben.tests.support.NodeProcess;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator sees from every remote benctl verb against one real node: a standalone node on
 * the embedded connectors (RocksDB ledger, local blobs, in-JVM notices), with {@code
 * serialize-messages = on}, driven through benctl in-process as {@code bin/benctl --server} would
 * drive it. Exit codes, the lines people read and the JSON fields scripts read are asserted,
 * success and refusal alike.
 *
 * <p>The node is shared by the methods, and the ledger never forgets a pipeline's versions or
 * history (delete only removes its header). So every method stages its own copy of the auth
 * example, and the methods whose outcome depends on history (a rollback with nothing to roll back
 * to, a delete) own a pipeline name no other method uses: they pass in any order.
 */
class BenctlAgainstNodeIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Longer than any activation or lifecycle change takes on a loaded two-core machine, short enough
   * to fail fast.
   */
  private static final Duration AWAIT = Duration.ofSeconds(20);

  private static final Duration POLL = Duration.ofMillis(200);
  private static final String WAIT_SECONDS = "20";
  private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

  /** What the auth example's pipeline runs on every node. */
  private static final Set<String> KINDS = Set.of("sidecar", "proxy", "spine", "detector", "store");

  @TempDir static Path home;

  /** Where benctl keeps the login all methods share. */
  @TempDir static Path benctlConfig;

  @TempDir Path work;

  private static ClusterNode node;
  private static HttpClient http;

  /** benctl logged in to the node as admin; every call below presents that token. */
  private static Environment admin;

  /** The key events are posted with (app `default`). */
  private static String appKey;

  @BeforeAll
  static void startNode() {
    node = ClusterNode.standalone(home, EXAMPLES.resolve("auth/keys/auth.pub"));
    http = HttpClient.newHttpClient();
    admin =
        BenctlLogin.loggedIn(
            benctlConfig.resolve("config.json"), node.controlAddress(), AWAIT, home);
    appKey = BenctlLogin.appKey(admin, node.controlAddress(), "default");
  }

  @AfterAll
  static void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  @AfterEach
  void everyMessageSerialized() {
    assertTrue(node.serializesEveryMessage(), "a missing serializer must fail this test");
    assertEquals(List.of(), node.takeSerializationFailures(), "messages without a serializer");
  }

  /**
   * Stage, diff, deploy, status, pipelines, unstage and rollback on {@code auth}, the example as it
   * ships. One method, because each step's outcome is the previous step's state: rollback is
   * refused only while a single version has ever been active.
   */
  @Test
  void versionsFromStageThroughRollback() {
    Path project = built(ExampleProjects.copy("auth", work));

    Result stage = ok(benctl("stage", project.toString()));
    Matcher staged = Pattern.compile("(?m)^auth\\s+v(\\d+)\\s").matcher(stage.out());
    assertTrue(staged.find(), () -> "no staged version of auth in\n" + stage);
    long first = Long.parseLong(staged.group(1));
    assertTrue(stage.out().endsWith("\nDeploy with: benctl deploy auth\n"), stage::toString);
    // The same bundle again: a new version with the same artifacts, to diff and to deploy.
    long second = stagedVersion(benctl("stage", project.toString(), "-o", "json"));
    assertEquals(first + 1, second, "versions of a pipeline count up by one");

    JsonNode diff = json(benctl("diff", "auth", v(first), v(second), "-o", "json"));
    assertEquals(first, diff.get("from_version").asLong(), diff::toPrettyString);
    assertEquals(second, diff.get("to_version").asLong(), diff::toPrettyString);
    assertFalse(diff.get("changes").isEmpty(), diff::toPrettyString);
    diff.get("changes")
        .forEach(
            change -> assertEquals("SAME", change.get("change").asText(), diff::toPrettyString));
    Result diffText = ok(benctl("diff", "auth", v(first), v(second)));
    assertTrue(
        diffText.out().startsWith("auth: v" + first + " → v" + second + "\n"), diffText::toString);
    List<Map<String, String>> diffRows = table(diffText.out(), "CHANGE");
    assertEquals(diff.get("changes").size(), diffRows.size(), diffText::toString);
    diffRows.forEach(row -> assertEquals("same", row.get("CHANGE"), diffText::toString));
    // FROM alone is a usage error, refused before any call to the node.
    Result fromAlone = benctl("diff", "auth", v(first));
    assertEquals(ExitCode.USAGE, fromAlone.exitCode(), fromAlone::toString);
    assertTrue(fromAlone.err().contains("name both versions to compare"), fromAlone::toString);

    Result deploy = ok(benctl("deploy", "auth", "--wait", WAIT_SECONDS));
    // benctl warns on stderr when --wait ran out before the version became active.
    assertEquals("", deploy.err(), deploy::toString);
    assertTrue(deploy.out().contains("\nactive      v" + second + "\n"), deploy::toString);
    // The orchestrator lists components from their hellos, which may trail the activation's acks.
    JsonNode status =
        await(
            "auth's spine to run v" + second + " next to the other components",
            () -> statusJson("auth"),
            s -> s != null && spineAcked(s, second) && kinds(s).equals(KINDS));
    assertEquals(second, status.get("active_version").asLong(), status::toPrettyString);
    assertEquals("published", status.get("lifecycle").asText(), status::toPrettyString);

    Result statusText = ok(benctl("status", "auth"));
    assertTrue(statusText.out().contains("\nactive      v" + second + "\n"), statusText::toString);
    List<Map<String, String>> components = table(statusText.out(), "COMPONENT");
    List<Map<String, String>> spines =
        components.stream().filter(row -> row.get("COMPONENT").startsWith("auth/spine@")).toList();
    assertEquals(1, spines.size(), () -> "one spine on one node\n" + statusText);
    assertEquals("spine", spines.get(0).get("KIND"), statusText::toString);
    assertEquals("v" + second, spines.get(0).get("RUNS"), statusText::toString);
    assertEquals("yes", spines.get(0).get("ACKED"), statusText::toString);
    assertEquals(
        KINDS,
        components.stream().map(row -> row.get("KIND")).collect(Collectors.toSet()),
        statusText::toString);
    for (Map<String, String> row : components) {
      if (!row.get("KIND").equals("spine")) {
        assertEquals(
            "-",
            row.get("ACKED"),
            () -> row.get("COMPONENT") + " holds no contract\n" + statusText);
        assertEquals(
            "-", row.get("RUNS"), () -> row.get("COMPONENT") + " holds no contract\n" + statusText);
      }
    }

    Result pipelines = ok(benctl("pipelines"));
    Map<String, String> auth =
        table(pipelines.out(), "PIPELINE").stream()
            .filter(row -> row.get("PIPELINE").equals("auth"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("auth is not listed\n" + pipelines));
    assertEquals("published", auth.get("LIFECYCLE"), pipelines::toString);
    assertEquals("v" + second, auth.get("ACTIVE"), pipelines::toString);
    assertEquals("1/1", auth.get("ACKED"), pipelines::toString);
    assertEquals(
        "v" + first,
        auth.get("NEWEST STAGED"),
        "the version deployed is no longer staged\n" + pipelines);

    Result unstaged = ok(benctl("unstage", "auth", v(first)));
    assertEquals("auth v" + first + " is now unstaged\n", unstaged.out(), unstaged::toString);
    Result unstageActive = benctl("unstage", "auth", v(second));
    assertRefused(unstageActive, "deploy or roll back to another version before unstaging it");
    // Nothing is staged any more, so the default diff (active against newest staged) has nothing to
    // compare.
    assertRefused(benctl("diff", "auth"), "auth has no staged version to compare");

    assertRefused(benctl("rollback", "auth", "--wait", WAIT_SECONDS), "nothing to roll back to");

    long third = stagedVersion(benctl("stage", project.toString(), "-o", "json"));
    assertEquals(
        third, activeVersion(json(benctl("deploy", "auth", "--wait", WAIT_SECONDS, "-o", "json"))));
    Result rollback = ok(benctl("rollback", "auth", "--wait", WAIT_SECONDS));
    assertEquals("", rollback.err(), rollback::toString);
    assertTrue(rollback.out().contains("\nactive      v" + second + "\n"), rollback::toString);
    JsonNode rolledBack =
        await(
            "auth's spine to run v" + second + " again",
            () -> statusJson("auth"),
            s -> s != null && spineAcked(s, second));
    assertEquals(second, activeVersion(rolledBack), rolledBack::toPrettyString);
  }

  /**
   * Pause, resume, archive and delete, seen by benctl and by the HTTP ingest endpoint. The pipeline
   * is a renamed copy of auth, because deleting it must not take away the pipeline the other
   * methods deploy.
   */
  @Test
  void lifecycleVerbsStopAndStartIngestAndDeleteForgetsThePipeline() throws IOException {
    String pipeline = "auth_lifecycle";
    Path project = built(renamed(ExampleProjects.copy("auth", work), pipeline));
    long deployed = stagedVersion(benctl("stage", project.toString(), "-o", "json"));
    assertEquals(
        deployed,
        activeVersion(json(benctl("deploy", pipeline, "--wait", WAIT_SECONDS, "-o", "json"))));
    String login = Files.readAllLines(EXAMPLES.resolve("auth/events/logins.ndjson")).get(0);
    // The sidecar registers its ingress when it starts, which may trail the activation.
    assertAccepted(
        await(
            "ingest to accept " + pipeline + " events",
            () -> ingest(pipeline, login),
            answer -> answer.status() == 200));

    Result pause = ok(benctl("pause", pipeline));
    assertTrue(pause.out().contains("\nlifecycle   paused\n"), pause::toString);
    assertEquals("paused", status(pipeline).get("lifecycle").asText());
    await(
        "ingest to refuse " + pipeline + " while paused",
        () -> ingest(pipeline, login),
        answer -> answer.status() == 404);

    Result resume = ok(benctl("resume", pipeline));
    assertTrue(resume.out().contains("\nlifecycle   published\n"), resume::toString);
    assertAccepted(
        await(
            "ingest to accept " + pipeline + " events again",
            () -> ingest(pipeline, login),
            answer -> answer.status() == 200));
    assertEquals(deployed, activeVersion(status(pipeline)), "resuming keeps the active version");

    Result unconfirmed = benctl("delete", pipeline);
    assertEquals(ExitCode.USAGE, unconfirmed.exitCode(), unconfirmed::toString);
    assertTrue(unconfirmed.err().contains("repeat with --yes to confirm"), unconfirmed::toString);
    assertEquals(
        "published",
        status(pipeline).get("lifecycle").asText(),
        "an unconfirmed delete deletes nothing");

    Result archive = ok(benctl("archive", pipeline));
    assertTrue(archive.out().contains("\nlifecycle   archived\n"), archive::toString);
    await(
        "ingest to refuse " + pipeline + " once archived",
        () -> ingest(pipeline, login),
        answer -> answer.status() == 404);
    ok(benctl("resume", pipeline));
    assertAccepted(
        await(
            "ingest to accept " + pipeline + " events once resumed from the archive",
            () -> ingest(pipeline, login),
            answer -> answer.status() == 200));
    ok(benctl("archive", pipeline));
    ok(benctl("delete", pipeline, "--yes"));
    Result gone = benctl("status", pipeline);
    assertRefused(gone, "no pipeline '" + pipeline + "'; the ledger knows [");
    ok(benctl("stage", project.toString()));
    assertEquals(
        0,
        activeVersion(status(pipeline)),
        "a pipeline staged again after its deletion runs nothing yet");
  }

  /**
   * A bundle signed by a key the node does not trust is refused, and the refusal names the setting
   * to change.
   */
  @Test
  void aBundleSignedByAnUntrustedKeyIsRefused() throws IOException {
    String pipeline = "auth_rogue";
    Path project = renamed(ExampleProjects.copy("auth", work), pipeline);
    ok(BenctlHarness.run("keygen", "rogue", "--dir", project.resolve("keys").toString()));
    Path descriptor = project.resolve("ben.project");
    String text = Files.readString(descriptor);
    assertTrue(text.contains("key = \"keys/auth.key\""), text);
    Files.writeString(
        descriptor, text.replace("key = \"keys/auth.key\"", "key = \"keys/rogue.key\""));
    built(project);

    Result stage = benctl("stage", project.toString());
    assertRefused(stage, "signing key not trusted");
    assertTrue(stage.err().contains("ben.ledger.trusted-keys"), stage::toString);
    assertRefused(benctl("status", pipeline), "no pipeline '" + pipeline + "'");
  }

  /**
   * Nothing listens at the address: exit 3, and the message says how to point benctl at a server.
   */
  @Test
  void aServerThatIsNotThereIsUnreachable() {
    String address = "127.0.0.1:" + NodeProcess.freePort();
    // With a token, so that benctl gets as far as trying to connect.
    Result status =
        BenctlHarness.run(
            "status", "auth", "--server", address, "--token", "any", "--timeout", "2");
    assertEquals(ExitCode.UNREACHABLE, status.exitCode(), status::toString);
    assertEquals("", status.out(), status::toString);
    assertTrue(status.err().contains(address), status::toString);
    assertTrue(
        status.err().contains("--server"), () -> "says how to point benctl elsewhere\n" + status);
  }

  /**
   * Logged in, benctl knows who it is; without a valid token the node answers UNAUTHENTICATED (exit
   * 5) and the message says how to log in.
   */
  @Test
  void whoamiNamesTheAdminAndCallsWithoutAValidTokenAreNotAuthenticated() {
    Result whoami = ok(benctl("whoami"));
    assertTrue(whoami.out().startsWith("user     admin\nrole     admin\n"), whoami::toString);

    Result forged =
        BenctlHarness.run("pipelines", "--server", node.controlAddress(), "--token", "forged");
    assertEquals(ExitCode.NOT_AUTHENTICATED, forged.exitCode(), forged::toString);
    assertTrue(forged.err().contains("refused the token from --token"), forged::toString);

    Result none = BenctlHarness.run("pipelines", "--server", node.controlAddress());
    assertEquals(ExitCode.NOT_AUTHENTICATED, none.exitCode(), none::toString);
    assertTrue(
        none.err().contains("run `benctl login --server " + node.controlAddress() + "`"),
        none::toString);

    Result wrongPassword =
        BenctlHarness.run(
            BenctlHarness.environment(benctlConfig.resolve("other.json"), Map.of(), "wrong\n"),
            "login",
            "--server",
            node.controlAddress(),
            "--user",
            "admin",
            "--password-stdin");
    assertEquals(ExitCode.NOT_AUTHENTICATED, wrongPassword.exitCode(), wrongPassword::toString);
  }

  /** benctl against the node, logged in as admin. */
  private static Result benctl(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--server", node.controlAddress()));
    return BenctlHarness.run(admin, all.toArray(String[]::new));
  }

  private static Result ok(Result run) {
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    return run;
  }

  /** The ledger said no: exit 1, nothing on stdout, and the reason on stderr. */
  private static void assertRefused(Result run, String reason) {
    assertEquals(ExitCode.REFUSED, run.exitCode(), run::toString);
    assertEquals("", run.out(), run::toString);
    assertTrue(run.err().contains(reason), () -> "stderr lacks \"" + reason + "\"\n" + run);
  }

  private static Path built(Path project) {
    ok(BenctlHarness.run("build", project.toString()));
    return project;
  }

  /**
   * The copy declaring its pipeline under another name, which is also the name its events are sent
   * to.
   */
  private static Path renamed(Path project, String pipeline) throws IOException {
    Path sources = project.resolve("response.ben");
    String text = Files.readString(sources);
    assertTrue(text.contains("pipeline auth {"), text);
    Files.writeString(sources, text.replace("pipeline auth {", "pipeline " + pipeline + " {"));
    return project;
  }

  private static String v(long version) {
    return Long.toString(version);
  }

  private static JsonNode json(Result run) {
    ok(run);
    try {
      return JSON.readTree(run.out());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + run, e);
    }
  }

  private static long stagedVersion(Result stage) {
    JsonNode staged = json(stage).get("staged");
    assertEquals(1, staged.size(), stage::toString);
    return staged.get(0).get("version").asLong();
  }

  /** The active version of a status that has no activation under way. */
  private static long activeVersion(JsonNode status) {
    assertEquals(0, status.get("activating_version").asLong(), status::toPrettyString);
    return status.get("active_version").asLong();
  }

  /** {@code benctl status PIPELINE -o json}, which must answer. */
  private static JsonNode status(String pipeline) {
    return json(benctl("status", pipeline, "-o", "json"));
  }

  /** {@code benctl status PIPELINE -o json}; null while the node does not answer it. */
  private static JsonNode statusJson(String pipeline) {
    Result run = benctl("status", pipeline, "-o", "json");
    return run.exitCode() == ExitCode.OK ? json(run) : null;
  }

  private static Set<String> kinds(JsonNode status) {
    Set<String> kinds = new TreeSet<>();
    status.get("components").forEach(component -> kinds.add(component.get("kind").asText()));
    return kinds;
  }

  private static boolean spineAcked(JsonNode status, long version) {
    for (JsonNode component : status.get("components")) {
      if (component.get("kind").asText().equals("spine")) {
        return component.get("running_version").asLong() == version
            && component.get("acked").asBoolean();
      }
    }
    return false;
  }

  /** What the ingest endpoint answered: its HTTP status and JSON body. */
  private record Answer(int status, String body) {}

  /** Posts one NDJSON line to the node's ingest endpoint for {@code pipeline}. */
  private static Answer ingest(String pipeline, String line) {
    URI uri =
        URI.create(
            "http://127.0.0.1:"
                + node.endpoints.ingest().port()
                + "/api/v1/events?pipeline="
                + pipeline);
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(uri)
                  .header("Authorization", "Bearer " + appKey)
                  .header("Content-Type", "application/x-ndjson")
                  .POST(HttpRequest.BodyPublishers.ofString(line + "\n"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while posting to " + uri, e);
    }
  }

  /** The one event posted was taken, not answered 200 with a refusal. */
  private static void assertAccepted(Answer answer) {
    try {
      assertEquals(1, JSON.readTree(answer.body()).path("accepted").asInt(), answer::toString);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + answer, e);
    }
  }

  /**
   * The rows of the table in {@code text} whose header row starts with {@code firstHeader}, as
   * header to cell. benctl pads every column to its widest cell, so each cell starts where its
   * header does.
   */
  private static List<Map<String, String>> table(String text, String firstHeader) {
    List<String> lines = text.lines().toList();
    int header = 0;
    while (header < lines.size() && !lines.get(header).startsWith(firstHeader + " ")) {
      header++;
    }
    assertTrue(header < lines.size(), () -> "no table headed " + firstHeader + " in\n" + text);
    String headers = lines.get(header);
    Matcher names = Pattern.compile("\\S+(?: \\S+)*").matcher(headers);
    List<String> columns = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    while (names.find()) {
      columns.add(names.group());
      starts.add(names.start());
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(header + 1, lines.size())) {
      if (line.isBlank()) {
        break;
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 0; c < columns.size(); c++) {
        int from = Math.min(starts.get(c), line.length());
        int to =
            c + 1 < columns.size() ? Math.min(starts.get(c + 1), line.length()) : line.length();
        row.put(columns.get(c), line.substring(from, to).strip());
      }
      rows.add(row);
    }
    return rows;
  }

  /**
   * Probes until {@code done} accepts what it returns, failing with the last answer once {@link
   * #AWAIT} passed.
   */
  private static <T> T await(String what, Supplier<T> probe, Predicate<T> done) {
    long deadline = System.nanoTime() + AWAIT.toNanos();
    T seen = probe.get();
    while (!done.test(seen)) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(
            "waited "
                + AWAIT.toSeconds()
                + " s for "
                + what
                + "; last answer: "
                + (seen instanceof JsonNode answer ? answer.toPrettyString() : seen));
      }
      LockSupport.parkNanos(POLL.toNanos());
      seen = probe.get();
    }
    return seen;
  }
}
