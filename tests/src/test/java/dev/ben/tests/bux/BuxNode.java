package dev.ben.tests.bux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.benctl.BenctlHarness;
import dev.ben.benctl.BenctlHarness.Result;
import dev.ben.benctl.ExampleProjects;
import dev.ben.benctl.build.BundleOutput;
import dev.ben.benctl.command.Environment;
import dev.ben.benctl.command.ExitCode;
import dev.ben.tests.control.BenctlLogin;
import dev.ben.tests.control.ClusterNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A standalone node on the embedded connectors with examples/auth built, staged and deployed
 * through benctl as admin (whose password the node wrote to its home on first start, as the demo
 * shows it), an app key for posting events, and the HTTP calls the bux tests make besides the
 * browser's.
 */
final class BuxNode implements AutoCloseable {

  static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
  static final Duration AWAIT = Duration.ofSeconds(40);
  private static final Pattern SERIES =
      Pattern.compile("^ben_stage_events_total\\{([^}]*)\\}\\s+(\\S+)", Pattern.MULTILINE);
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  final ClusterNode node;
  final Environment admin;
  final String password;
  final String appKey;
  final Path project;

  /** The version of {@link #project} the node runs as auth's active version. */
  final long deployed;

  private final HttpClient http = HttpClient.newHttpClient();

  private BuxNode(
      ClusterNode node, Environment admin, String password, String appKey, Path p, long deployed) {
    this.node = node;
    this.admin = admin;
    this.password = password;
    this.appKey = appKey;
    this.project = p;
    this.deployed = deployed;
  }

  static BuxNode start(Path work) throws IOException {
    ClusterNode node =
        ClusterNode.standalone(
            Files.createDirectories(work.resolve("node")), EXAMPLES.resolve("auth/keys/auth.pub"));
    try {
      Environment admin =
          BenctlLogin.loggedIn(
              work.resolve("benctl/config.json"), node.controlAddress(), AWAIT, node.home());
      String password = BenctlLogin.initialPassword(AWAIT, node.home());
      String key = BenctlLogin.appKey(admin, node.controlAddress(), "shop");
      Path project = ExampleProjects.copy("auth", work.resolve("auth"));
      long version = stage(node, admin, project);
      BuxNode bux = new BuxNode(node, admin, password, key, project, version);
      bux.benctl("deploy", "auth", "--wait", "30");
      return bux;
    } catch (RuntimeException | Error e) {
      node.close();
      throw e;
    }
  }

  /** Builds (signed with the example's key) and stages {@code project}; its new version. */
  long stage(Path project) {
    return stage(node, admin, project);
  }

  private static long stage(ClusterNode node, Environment admin, Path project) {
    ok(
        BenctlHarness.run(
            "build", project.toString(), "--key", project.resolve("keys/auth.key").toString()));
    Matcher staged =
        Pattern.compile("\"version\"\\s*:\\s*(\\d+)")
            .matcher(benctl(node, admin, "stage", project.toString(), "-o", "json").out());
    if (!staged.find()) {
      throw new AssertionError("benctl stage named no version");
    }
    return Long.parseLong(staged.group(1));
  }

  /** The bundle {@code benctl build} wrote for {@link #project}: the one the node runs. */
  Path bundle() {
    return BundleOutput.builtIn(project);
  }

  Result benctl(String... args) {
    return benctl(node, admin, args);
  }

  private static Result benctl(ClusterNode node, Environment admin, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--server", node.controlAddress()));
    return ok(BenctlHarness.run(admin, all.toArray(String[]::new)));
  }

  static Result ok(Result run) {
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    return run;
  }

  /** Where the browser finds bux. */
  String gateway() {
    return "http://127.0.0.1:" + node.gatewayPort();
  }

  /**
   * Posts NDJSON to the pipeline as app {@code shop}, retrying while the sidecar has not yet
   * registered the pipeline (404: nothing was taken), and asserts every line was accepted.
   */
  void post(String pipeline, String ndjson) {
    long lines = ndjson.lines().filter(l -> !l.isBlank()).count();
    HttpResponse<String> answer = null;
    long deadline = System.nanoTime() + AWAIT.toNanos();
    while (answer == null || answer.statusCode() == 404 && System.nanoTime() < deadline) {
      if (answer != null) {
        LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
      }
      answer =
          send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://127.0.0.1:"
                              + node.ingestPort()
                              + "/api/v1/events?pipeline="
                              + pipeline))
                  .header("Authorization", "Bearer " + appKey)
                  .header("Content-Type", "application/x-ndjson")
                  .POST(HttpRequest.BodyPublishers.ofString(ndjson))
                  .build());
    }
    HttpResponse<String> last = answer;
    assertEquals(200, last.statusCode(), last::body);
    assertTrue(
        last.body().contains("\"accepted\":" + lines),
        () -> "not every line taken: " + last.body());
  }

  /** A gateway session's cookie ({@code name=value}), logged in as admin. */
  String sessionCookie() {
    HttpResponse<String> login =
        send(
            HttpRequest.newBuilder(URI.create(gateway() + "/api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"user\":\"admin\",\"password\":\"" + password + "\"}"))
                .build());
    assertEquals(200, login.statusCode(), login::body);
    return login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
  }

  /**
   * {@code ben_stage_events_total} from /metrics: "pipeline/stage/outcome" to its sum over reasons.
   */
  Map<String, Long> stageCounters(String cookie) {
    HttpResponse<String> metrics =
        send(
            HttpRequest.newBuilder(URI.create(gateway() + "/metrics"))
                .header("Cookie", cookie)
                .GET()
                .build());
    assertEquals(200, metrics.statusCode(), metrics::body);
    Map<String, Long> sums = new TreeMap<>();
    Matcher series = SERIES.matcher(metrics.body());
    while (series.find()) {
      Map<String, String> labels = new TreeMap<>();
      Matcher label = LABEL.matcher(series.group(1));
      while (label.find()) {
        labels.put(label.group(1), label.group(2));
      }
      String key = labels.get("pipeline") + "/" + labels.get("stage") + "/" + labels.get("outcome");
      sums.merge(key, (long) Double.parseDouble(series.group(2)), Long::sum);
    }
    return sums;
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("the node did not answer " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Probes {@code done} until it holds, failing with {@code what} after {@link #AWAIT}. */
  static void await(String what, BooleanSupplier done) {
    long deadline = System.nanoTime() + AWAIT.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("waited " + AWAIT.toSeconds() + " s for " + what);
      }
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
  }

  @Override
  public void close() {
    node.close();
  }
}
