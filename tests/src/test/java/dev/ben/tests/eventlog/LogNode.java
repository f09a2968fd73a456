package dev.ben.tests.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import dev.ben.benctl.BenctlHarness;
import dev.ben.benctl.BenctlHarness.Result;
import dev.ben.benctl.command.Environment;
import dev.ben.benctl.command.ExitCode;
import dev.ben.tests.control.BenctlLogin;
import dev.ben.tests.control.ClusterNode;
import dev.ben.tests.support.TestServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A node whose event log the tests drive: on the real NATS and ClickHouse (the log in a JetStream
 * stream of its own) or embedded (RocksDB), with admin logged in through benctl and the people and
 * components the tests need made the way an operator makes them.
 */
final class LogNode implements AutoCloseable {

  /** Where the node keeps its event log. */
  enum Backend {
    NATS,
    EMBEDDED
  }

  static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
  static final Duration AWAIT = Duration.ofSeconds(60);

  final ClusterNode node;
  final Environment admin;
  final String run;
  private final Path work;

  private LogNode(ClusterNode node, Environment admin, String run, Path work) {
    this.node = node;
    this.admin = admin;
    this.run = run;
    this.work = work;
  }

  /** A node on {@code backend} trusting examples/auth's key, with {@code extra} settings. */
  static LogNode start(Backend backend, Path work, Config extra) throws IOException {
    Path home = Files.createDirectories(work.resolve("node"));
    Path key = EXAMPLES.resolve("auth/keys/auth.pub");
    String run = TestServers.unique("evlog");
    ClusterNode node =
        backend == Backend.NATS
            ? ClusterNode.onServers(
                home,
                key,
                TestServers.natsUrl().toString(),
                TestServers.clickHouse(run).url().toString(),
                run,
                extra)
            : ClusterNode.standalone(home, key, extra);
    try {
      Environment admin =
          BenctlLogin.loggedIn(
              work.resolve("admin/config.json"), node.controlAddress(), AWAIT, node.home());
      return new LogNode(node, admin, run, work);
    } catch (RuntimeException | Error e) {
      node.close();
      throw e;
    }
  }

  /** benctl as {@code who} against this node; fails the test unless it exits 0. */
  Result benctl(Environment who, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--server", node.controlAddress()));
    Result run = BenctlHarness.run(who, all.toArray(String[]::new));
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    return run;
  }

  /**
   * Creates user {@code name} with {@code role} as admin and logs benctl in as them with the
   * password shown once; their benctl environment.
   */
  Environment user(String name, String role) {
    String password = benctl(admin, "users", "create", name, "--role", role).out().strip();
    Path config = configOf(name);
    Result login =
        BenctlHarness.run(
            BenctlHarness.environment(config, Map.of(), password + "\n"),
            "login",
            "--server",
            node.controlAddress(),
            "--user",
            name,
            "--password-stdin");
    assertEquals(ExitCode.OK, login.exitCode(), login::toString);
    return BenctlHarness.environment(config, Map.of(), "");
  }

  /** The token benctl holds for user {@code name} (admin included). */
  String token(String name) {
    return BenctlLogin.token(configOf(name), node.controlAddress());
  }

  private Path configOf(String name) {
    return work.resolve(name).resolve("config.json");
  }

  /** Probes {@code done} until it holds, failing with {@code what} after {@link #AWAIT}. */
  static void await(String what, BooleanSupplier done) {
    long deadline = System.nanoTime() + AWAIT.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("waited " + AWAIT.toSeconds() + " s until " + what);
      }
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
  }

  @Override
  public void close() {
    node.close();
  }
}
