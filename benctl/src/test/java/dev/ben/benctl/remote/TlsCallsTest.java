package dev.ben.benctl.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.benctl.BenctlHarness;
import dev.ben.benctl.BenctlHarness.Result;
import dev.ben.benctl.FakeControlServer;
import dev.ben.benctl.TestCertificates;
import dev.ben.benctl.TestCertificates.Issued;
import dev.ben.benctl.command.ExitCode;
import dev.ben.benctl.config.ConfigFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** benctl against a control API that serves h2 over TLS, as a node with ben.tls does. */
class TlsCallsTest {

  private static Issued ca;
  private static FakeControlServer tls;
  private static FakeControlServer cleartext;

  @TempDir Path dir;
  private Path caFile;
  private Path otherCaFile;

  @BeforeAll
  static void start() throws Exception {
    ca = TestCertificates.authority("test CA");
    tls =
        new FakeControlServer(
            TestCertificates.serverContext(TestCertificates.server(ca, "127.0.0.1"), ca));
    cleartext = new FakeControlServer();
  }

  @AfterAll
  static void stop() {
    tls.close();
    cleartext.close();
  }

  @BeforeEach
  void writeCas() throws Exception {
    caFile = TestCertificates.writePem(dir.resolve("ca.pem"), ca.certificate());
    otherCaFile =
        TestCertificates.writePem(
            dir.resolve("other.pem"), TestCertificates.authority("other CA").certificate());
  }

  private Path config() {
    return dir.resolve("ben").resolve("config.json");
  }

  private Result benctl(String... args) {
    return BenctlHarness.run(
        BenctlHarness.environment(config(), Map.of(), FakeControlServer.PASSWORD + "\n"), args);
  }

  private Result login(String server, String... more) {
    String[] args = {"login", "--server", server, "--user", "admin", "--password-stdin"};
    String[] all = Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return benctl(all);
  }

  @Test
  void withTheRightCaLoginWorksAndTheContextKeepsTheCaForLaterCommands() throws Exception {
    Files.createDirectories(dir.resolve("sub"));
    String roundabout = dir.resolve("sub").resolve("..").resolve("ca.pem").toString();
    Result login = login(tls.address(), "--ca", roundabout);
    assertEquals(ExitCode.OK, login.exitCode(), login::toString);
    assertEquals(
        caFile.toAbsolutePath().toString(),
        new ConfigFile(config()).load().require(tls.address()).ca(),
        "the context keeps the CA, absolute and normalised");

    Result status = benctl("status", "checkout");
    assertEquals(ExitCode.OK, status.exitCode(), status::toString);
    assertEquals("status", tls.calls().get(tls.calls().size() - 1).method());
  }

  @Test
  void aWrongCaIsUnreachableAndSaysToPassTheRightOne() {
    for (String[] trust : new String[][] {{"--ca", otherCaFile.toString()}, {"--tls"}}) {
      Result login = login(tls.address(), trust);
      assertEquals(ExitCode.UNREACHABLE, login.exitCode(), login::toString);
      assertTrue(
          login
              .err()
              .contains(
                  "the TLS handshake with "
                      + tls.address()
                      + " failed: its certificate is not signed by a CA benctl trusts"),
          login::toString);
      assertTrue(
          login.err().contains("pass the CA that issued it with --ca FILE"), login::toString);
      assertFalse(Files.exists(config()), "nothing is stored after a failed login");
    }
  }

  @Test
  void cleartextToATlsServerIsUnreachableAndSaysToPassACa() {
    Result login = login(tls.address());
    assertEquals(ExitCode.UNREACHABLE, login.exitCode(), login::toString);
    assertTrue(
        login.err().contains("it probably speaks TLS and benctl spoke cleartext; pass --ca FILE"),
        login::toString);
    Result status = benctl("status", "checkout", "--server", tls.address(), "--token", "t");
    assertEquals(ExitCode.UNREACHABLE, status.exitCode(), status::toString);
    assertTrue(status.err().contains("pass --ca FILE"), status::toString);
  }

  @Test
  void aCertificateForAnotherHostIsUnreachableAndSaysSo() throws Exception {
    try (var elsewhere =
        new FakeControlServer(
            TestCertificates.serverContext(TestCertificates.server(ca, "10.0.0.1"), ca))) {
      Result login = login(elsewhere.address(), "--ca", caFile.toString());
      assertEquals(ExitCode.UNREACHABLE, login.exitCode(), login::toString);
      assertTrue(
          login.err().contains("the TLS handshake with " + elsewhere.address() + " failed: "),
          login::toString);
      assertTrue(
          login.err().contains("connect with --server naming the host its certificate was issued"),
          login::toString);
    }
  }

  @Test
  void tlsToACleartextServerIsUnreachableAndSaysToDropTheCa() {
    Result login = login(cleartext.address(), "--ca", caFile.toString());
    assertEquals(ExitCode.UNREACHABLE, login.exitCode(), login::toString);
    assertTrue(
        login.err().contains(cleartext.address() + " answered in cleartext, not TLS"),
        login::toString);
    assertTrue(login.err().contains("drop --ca to speak cleartext"), login::toString);
  }

  @Test
  void anUnusableCaFileIsAUsageErrorNamingItAndNothingIsSent() throws Exception {
    int before = tls.calls().size();
    Path notPem = Files.writeString(dir.resolve("notes.txt"), "not a certificate\n");
    Result missing = login(tls.address(), "--ca", dir.resolve("absent.pem").toString());
    assertEquals(ExitCode.USAGE, missing.exitCode(), missing::toString);
    assertTrue(
        missing.err().contains(dir.resolve("absent.pem") + ": no such file"), missing::toString);
    Result garbage =
        benctl(
            "status",
            "checkout",
            "--server",
            tls.address(),
            "--token",
            "t",
            "--ca",
            notPem.toString());
    assertEquals(ExitCode.USAGE, garbage.exitCode(), garbage::toString);
    assertTrue(
        garbage.err().contains("the CA file " + notPem + " holds no PEM certificate"),
        garbage::toString);
    assertEquals(before, tls.calls().size(), "nothing was sent");
  }
}
