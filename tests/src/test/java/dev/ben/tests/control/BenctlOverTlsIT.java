package dev.ben.tests.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.actors.node.tls.ClusterCertificates;
import dev.ben.actors.node.tls.PemFiles;
import dev.ben.benctl.BenctlHarness;
import dev.ben.benctl.BenctlHarness.Result;
import dev.ben.benctl.command.ExitCode;
import dev.ben.benctl.config.ConfigFile;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * benctl against a real node whose control API serves h2 over TLS (ben.tls set): with the cluster
 * CA it logs in and later commands reuse the CA the context keeps; without it, or with another CA,
 * it exits 3 saying what to pass.
 */
class BenctlOverTlsIT {

  private static final Duration AWAIT = Duration.ofSeconds(20);
  private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

  @TempDir static Path home;

  @TempDir Path work;

  private static ClusterNode node;
  private static String password;

  @BeforeAll
  static void startNode() {
    node = ClusterNode.standaloneOverTls(home, EXAMPLES.resolve("auth/keys/auth.pub"));
    password = BenctlLogin.initialPassword(AWAIT, home);
  }

  @AfterAll
  static void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  private Result benctl(String... args) {
    return BenctlHarness.run(
        BenctlHarness.environment(work.resolve("config.json"), Map.of(), password + "\n"), args);
  }

  private Result login(String... trust) {
    String[] args = {
      "login", "--server", node.controlAddress(), "--user", "admin", "--password-stdin"
    };
    String[] all = new String[args.length + trust.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(trust, 0, all, args.length, trust.length);
    return benctl(all);
  }

  @Test
  void theClusterCaLogsInAndTheContextKeepsIt() {
    Result login = login("--ca", node.caFile().toString());
    assertEquals(ExitCode.OK, login.exitCode(), login::toString);
    assertEquals(
        node.caFile().toAbsolutePath().toString(),
        new ConfigFile(work.resolve("config.json")).load().require(node.controlAddress()).ca());
    Result whoami = benctl("whoami");
    assertEquals(ExitCode.OK, whoami.exitCode(), whoami::toString);
    assertTrue(whoami.out().startsWith("user     admin\n"), whoami::toString);
    Result pipelines = benctl("pipelines");
    assertEquals(ExitCode.OK, pipelines.exitCode(), pipelines::toString);
  }

  @Test
  void cleartextIsUnreachableAndSaysToPassTheCa() {
    Result login = login();
    assertEquals(ExitCode.UNREACHABLE, login.exitCode(), login::toString);
    assertTrue(login.err().contains("probably speaks TLS"), login::toString);
    assertTrue(login.err().contains("pass --ca FILE"), login::toString);
  }

  @Test
  void anotherCaIsUnreachableAndSaysToPassTheRightOne() throws Exception {
    Path other = work.resolve("other-ca.crt");
    PemFiles.writeCertificates(
        other, ClusterCertificates.newAuthority(Instant.now()).certificate());
    Result login = login("--ca", other.toString());
    assertEquals(ExitCode.UNREACHABLE, login.exitCode(), login::toString);
    assertTrue(
        login.err().contains("its certificate is not signed by a CA benctl trusts"),
        login::toString);
  }
}
