package dev.ben.tests.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.tests.support.Distribution;
import dev.ben.tests.support.NodeProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tarball the reactor built (dist/target/ben-VERSION.tar.gz) unpacked into an empty folder and
 * run as an operator would, with nothing but a Java runtime: no Maven on the PATH, no source tree,
 * an empty environment but for a fresh BEN_HOME and free ports, the folder as working directory.
 * The node becomes healthy, and the distribution's own benctl logs in with the first
 * administrator's password the node wrote under BEN_HOME, builds and stages a contract of a project
 * it made, and shows its status. Needs no servers.
 */
class DistributionIT {

  private static final Duration START = Duration.ofSeconds(120);
  private static final Duration COMMAND = Duration.ofSeconds(60);

  @TempDir Path work;

  private NodeProcess node;

  @AfterEach
  void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void theUnpackedDistributionRunsANodeThatItsBenctlLogsInTo() throws Exception {
    Distribution dist = Distribution.unpack(work.resolve("unpacked"));
    Path home = Files.createDirectories(work.resolve("ben-home"));
    int control = NodeProcess.freePort();
    int gateway = NodeProcess.freePort();
    Map<String, String> environment =
        Map.of(
            "PATH", tools().toString(),
            "HOME", Files.createDirectories(work.resolve("user")).toString(),
            "BEN_HOME", home.toString(),
            "BEN_NODE_PORT", Integer.toString(NodeProcess.freePort()),
            "BEN_INGEST_PORT", Integer.toString(NodeProcess.freePort()),
            "BEN_SOCKET_PORT", Integer.toString(NodeProcess.freePort()),
            "BEN_GATEWAY_PORT", Integer.toString(gateway),
            "BEN_CONTROL_PORT", Integer.toString(control),
            "BEN_JAVA_OPTS", "-Xmx384m -XX:TieredStopAtLevel=1");

    // A contract project of the distribution's benctl, whose key the node trusts.
    Path benctl = dist.launcher("benctl");
    Path project = work.resolve("shop");
    assertEquals(0, run(process(environment, benctl, "init", project.toString()), "benctl init"));
    environment = new HashMap<>(environment);
    environment.put("BEN_LEDGER_TRUSTED_KEYS", project.resolve("keys/shop.pub").toString());

    node = NodeProcess.command("ben-node", process(environment, dist.launcher("ben-node")));
    node.awaitLine(line -> line.contains("is up: roles"), "that it is up", START);
    HttpResponse<String> health =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway + "/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, health.statusCode(), health.body());
    assertTrue(health.body().contains("\"status\":\"UP\""), health.body());

    Path password = home.resolve("initial-admin-password");
    assertTrue(Files.isRegularFile(password), "the node wrote no " + password);
    assertEquals(
        0,
        run(
            process(
                    environment,
                    benctl,
                    "login",
                    "--server",
                    "127.0.0.1:" + control,
                    "--user",
                    "admin",
                    "--password-stdin")
                .redirectInput(password.toFile()),
            "benctl login"));
    assertEquals(0, run(process(environment, benctl, "whoami"), "benctl whoami"));
    assertEquals(0, run(process(environment, benctl, "build", project.toString()), "benctl build"));
    assertEquals(0, run(process(environment, benctl, "stage", project.toString()), "benctl stage"));
    assertEquals(0, run(process(environment, benctl, "status", "api"), "benctl status"));

    // Stopped by its PID, as a service manager would: the launcher exec'd the JVM, so the PID is
    // it.
    ProcessHandle.of(node.pid()).orElseThrow().destroy();
    node.awaitExit(COMMAND);
  }

  /**
   * The only commands on the PATH: what the launchers use (bash, dirname, readlink) and java, so
   * that a launcher reaching for Maven, or for anything of the source tree, fails here.
   */
  private Path tools() throws IOException {
    Path tools = Files.createDirectories(work.resolve("tools"));
    Files.createSymbolicLink(tools.resolve("bash"), Path.of("/bin/bash"));
    for (String tool : List.of("dirname", "readlink")) {
      Files.createSymbolicLink(tools.resolve(tool), Path.of("/usr/bin", tool));
    }
    Files.createSymbolicLink(
        tools.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
    return tools;
  }

  /** {@code command} with exactly {@code environment}, in the work folder. */
  private ProcessBuilder process(Map<String, String> environment, Path command, String... args) {
    List<String> line = new java.util.ArrayList<>();
    line.add(command.toString());
    line.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(line).directory(work.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    return builder;
  }

  private static int run(ProcessBuilder builder, String name) throws Exception {
    try (NodeProcess process = NodeProcess.command(name, builder)) {
      int status = process.awaitExit(COMMAND);
      System.out.println(name + " exited " + status + ":\n" + process.output());
      return status;
    }
  }
}
