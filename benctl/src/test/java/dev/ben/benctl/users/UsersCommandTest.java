package dev.ben.benctl.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.api.control.CreateUserRequest;
import dev.ben.api.control.Role;
import dev.ben.api.control.SetUserRoleRequest;
import dev.ben.benctl.BenctlHarness;
import dev.ben.benctl.BenctlHarness.Result;
import dev.ben.benctl.FakeControlServer;
import dev.ben.benctl.FakeControlServer.Call;
import dev.ben.benctl.command.ExitCode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code benctl users create|list|set-role|delete} against a fake control API. */
class UsersCommandTest {

  private static final String TOKEN = "admin-token";
  private static final String PASSWORD = "B".repeat(32);

  private FakeControlServer server;

  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    server = new FakeControlServer();
    server.accept(TOKEN, FakeControlServer.admin(Long.MAX_VALUE));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Result benctl(String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(
        new String[] {"--server", server.address(), "--token", TOKEN}, 0, all, args.length, 4);
    return BenctlHarness.run(
        BenctlHarness.environment(dir.resolve("config.json"), Map.of(), ""), all);
  }

  private Call lastCall() {
    return server.calls().get(server.calls().size() - 1);
  }

  @Test
  void createPrintsThePasswordAloneAndWarnsItIsShownOnce() {
    Result run = benctl("users", "create", "vera", "--role", "viewer");
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertEquals(PASSWORD + "\n", run.out());
    assertTrue(run.err().contains("cannot be shown again"), run::toString);
    Call call = lastCall();
    assertEquals("createUser", call.method());
    assertEquals("Bearer " + TOKEN, call.authorization().orElseThrow());
    assertEquals(Role.VIEWER, ((CreateUserRequest) call.request()).getRole());
  }

  @Test
  void listShowsUsersAndRolesAsATableOrJson() {
    benctl("users", "create", "olga", "--role", "OPERATOR");
    Result table = benctl("users", "list");
    assertEquals(ExitCode.OK, table.exitCode(), table::toString);
    List<String> lines = table.out().lines().toList();
    assertTrue(lines.get(0).startsWith("USER"), table::toString);
    assertTrue(lines.get(1).matches("admin +admin"), table::toString);
    assertTrue(lines.get(2).matches("olga +operator"), table::toString);
    Result json = benctl("users", "list", "-o", "json");
    assertTrue(json.out().contains("\"role\" : \"operator\""), json::toString);
    assertFalse(json.out().contains(PASSWORD), "passwords are never listed");
  }

  @Test
  void setRoleAndDeleteSayWhatNowHolds() {
    benctl("users", "create", "olga", "--role", "operator");
    Result promoted = benctl("users", "set-role", "olga", "admin");
    assertEquals(ExitCode.OK, promoted.exitCode(), promoted::toString);
    assertEquals("olga is now admin\n", promoted.out());
    assertEquals(Role.ADMIN, ((SetUserRoleRequest) lastCall().request()).getRole());
    Result deleted = benctl("users", "delete", "olga");
    assertEquals(ExitCode.OK, deleted.exitCode(), deleted::toString);
    assertEquals("deleted user olga\n", deleted.out());
    assertEquals("deleteUser", lastCall().method());
  }

  @Test
  void refusalsAndBadRolesMapToExitCodes() {
    Result last = benctl("users", "delete", "admin");
    assertEquals(ExitCode.REFUSED, last.exitCode(), last::toString);
    assertTrue(last.err().contains("last admin"), last::toString);
    Result missing = benctl("users", "set-role", "nobody", "viewer");
    assertEquals(ExitCode.REFUSED, missing.exitCode(), missing::toString);
    int calls = server.calls().size();
    Result badRole = benctl("users", "create", "vera", "--role", "root");
    assertEquals(ExitCode.USAGE, badRole.exitCode(), badRole::toString);
    assertTrue(badRole.err().contains("viewer, operator or admin"), badRole::toString);
    assertEquals(calls, server.calls().size(), "nothing was sent");
    Result noCommand = benctl("users");
    assertEquals(ExitCode.USAGE, noCommand.exitCode(), noCommand::toString);
    Result help = BenctlHarness.run("users", "create", "--help");
    assertEquals(ExitCode.OK, help.exitCode());
    assertTrue(help.out().contains("--role=ROLE"), help::toString);
  }
}
