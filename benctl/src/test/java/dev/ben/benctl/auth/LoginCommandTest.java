package dev.ben.benctl.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.api.control.LoginRequest;
import dev.ben.benctl.BenctlHarness;
import dev.ben.benctl.BenctlHarness.Result;
import dev.ben.benctl.FakeControlServer;
import dev.ben.benctl.FakeControlServer.Call;
import dev.ben.benctl.command.Environment;
import dev.ben.benctl.command.ExitCode;
import dev.ben.benctl.config.ConfigFile;
import dev.ben.benctl.config.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginCommandTest {

  private static FakeControlServer server;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    server = new FakeControlServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private Path config() {
    return dir.resolve("ben").resolve("config.json");
  }

  private Result benctl(String stdin, String... args) {
    return BenctlHarness.run(BenctlHarness.environment(config(), Map.of(), stdin), args);
  }

  private Result login(String... more) {
    String[] args = new String[more.length + 1];
    args[0] = "login";
    System.arraycopy(more, 0, args, 1, more.length);
    return benctl(FakeControlServer.PASSWORD + "\n", args);
  }

  @Test
  void loginKeepsTheTokenInACurrentContextNamedAfterTheServer() throws IOException {
    Result login = login("--server", server.address(), "--user", "admin", "--password-stdin");
    assertEquals(ExitCode.OK, login.exitCode(), login::toString);
    assertTrue(
        login.out().startsWith("Logged in to " + server.address() + " as admin (admin) until "),
        login::toString);
    Call call = server.calls().get(server.calls().size() - 1);
    assertEquals("login", call.method());
    assertEquals(FakeControlServer.PASSWORD, ((LoginRequest) call.request()).getPassword());
    assertTrue(call.authorization().isEmpty(), "login presents a password, not a token");

    var saved = new ConfigFile(config()).load();
    assertEquals(server.address(), saved.currentContext());
    Context context = saved.require(server.address());
    assertEquals("admin", context.user());
    assertTrue(context.token().startsWith("token-"), context::toString);
    assertNotNull(context.tokenExpires());
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config())));
    String text = Files.readString(config());
    for (String shown : new String[] {login.out(), login.err(), text}) {
      assertFalse(
          shown.contains(FakeControlServer.PASSWORD), "the password is never shown or kept");
    }
  }

  @Test
  void plainLoginLogsInAgainWhereTheCurrentContextPoints() {
    login("--server", server.address(), "--user", "admin", "--password-stdin", "--context", "dev");
    String first = new ConfigFile(config()).load().require("dev").token();
    Result again = login("--password-stdin");
    assertEquals(ExitCode.OK, again.exitCode(), again::toString);
    assertTrue(again.out().endsWith("context 'dev' is now current.\n"), again::toString);
    var saved = new ConfigFile(config()).load();
    assertEquals("[dev]", saved.names().toString(), "no second context for the same server");
    assertNotEquals(first, saved.require("dev").token());
  }

  @Test
  void aWrongPasswordIsNotAuthenticatedAndStoresNothing() {
    Result login =
        benctl(
            "wrong\n",
            "login",
            "--server",
            server.address(),
            "--user",
            "admin",
            "--password-stdin");
    assertEquals(ExitCode.NOT_AUTHENTICATED, login.exitCode(), login::toString);
    assertTrue(
        login
            .err()
            .contains(
                "login to " + server.address() + " as 'admin' failed: wrong user or password"),
        login::toString);
    assertFalse(Files.exists(config()));
  }

  @Test
  void withoutATerminalThePasswordMustComeFromStdin() {
    int before = server.calls().size();
    Result login = benctl("", "login", "--server", server.address(), "--user", "admin");
    assertEquals(ExitCode.USAGE, login.exitCode(), login::toString);
    assertTrue(login.err().contains("no terminal"), login::toString);
    assertTrue(login.err().contains("--password-stdin"), login::toString);
    assertEquals(before, server.calls().size(), "nothing was sent");
  }

  @Test
  void thePromptIsUsedWhenThereIsATerminal() {
    var prompted = new StringBuilder();
    var environment =
        new Environment(
            Map.of("BENCTL_CONFIG", config().toString()),
            InputStream.nullInputStream(),
            text -> {
              prompted.append(text);
              return FakeControlServer.PASSWORD.toCharArray();
            });
    Result login =
        BenctlHarness.run(environment, "login", "--server", server.address(), "--user", "admin");
    assertEquals(ExitCode.OK, login.exitCode(), login::toString);
    assertEquals("Password for admin at " + server.address() + ": ", prompted.toString());
  }

  @Test
  void aFirstLoginNeedsAUser() {
    Result login = login("--server", server.address(), "--password-stdin");
    assertEquals(ExitCode.USAGE, login.exitCode(), login::toString);
    assertTrue(login.err().contains("Pass --user NAME"), login::toString);
  }

  @Test
  void whoamiShowsTheIdentityAndLogoutForgetsTheToken() {
    login("--server", server.address(), "--user", "admin", "--password-stdin", "--context", "dev");
    String token = new ConfigFile(config()).load().require("dev").token();
    Result whoami = benctl("", "whoami");
    assertEquals(ExitCode.OK, whoami.exitCode(), whoami::toString);
    assertTrue(
        whoami.out().startsWith("user     admin\nrole     admin\nexpires  "), whoami::toString);
    assertTrue(whoami.out().contains("\ncontext  dev\n"), whoami::toString);
    Call call = server.calls().get(server.calls().size() - 1);
    assertEquals("whoAmI", call.method());
    assertEquals("Bearer " + token, call.authorization().orElseThrow());

    Result logout = benctl("", "logout");
    assertEquals(ExitCode.OK, logout.exitCode(), logout::toString);
    assertNull(new ConfigFile(config()).load().require("dev").token());
    int before = server.calls().size();
    Result after = benctl("", "whoami");
    assertEquals(ExitCode.NOT_AUTHENTICATED, after.exitCode(), after::toString);
    assertTrue(
        after
            .err()
            .contains(
                "not logged in to "
                    + server.address()
                    + " (context 'dev' has no token): run `benctl login`"),
        after::toString);
    assertEquals(before, server.calls().size(), "no call without a token");
  }
}
