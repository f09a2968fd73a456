package dev.ben.benctl.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.api.control.CreateUserRequest;
import dev.ben.api.control.Role;
import dev.ben.api.control.SetUserRoleRequest;
import dev.ben.benctl.BenctlHarness;
import dev.ben.benctl.BenctlHarness.Result;
import dev.ben.benctl.FakeControlServer.Call;
import dev.ben.benctl.FakeControlSession;
import dev.ben.benctl.command.ExitCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code benctl users create|list|set-role|delete} against a fake control API. */
class UsersCommandTest {

  private static final String TOKEN = "admin-token";
  private static final String PASSWORD = "B".repeat(32);

  @RegisterExtension final FakeControlSession control = new FakeControlSession(TOKEN);

  @Test
  void createPrintsThePasswordAloneAndWarnsItIsShownOnce() {
    Result run = control.run("users", "create", "vera", "--role", "viewer");
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertEquals(PASSWORD + "\n", run.out());
    assertTrue(run.err().contains("cannot be shown again"), run::toString);
    Call call = control.lastCall();
    assertEquals("createUser", call.method());
    assertEquals("Bearer " + TOKEN, call.authorization().orElseThrow());
    assertEquals(Role.VIEWER, ((CreateUserRequest) call.request()).getRole());
  }

  @Test
  void listShowsUsersAndRolesAsATableOrJson() {
    control.run("users", "create", "olga", "--role", "OPERATOR");
    Result table = control.run("users", "list");
    assertEquals(ExitCode.OK, table.exitCode(), table::toString);
    List<String> lines = table.out().lines().toList();
    assertTrue(lines.get(0).startsWith("USER"), table::toString);
    assertTrue(lines.get(1).matches("admin +admin"), table::toString);
    assertTrue(lines.get(2).matches("olga +operator"), table::toString);
    Result json = control.run("users", "list", "-o", "json");
    assertTrue(json.out().contains("\"role\" : \"operator\""), json::toString);
    assertFalse(json.out().contains(PASSWORD), "passwords are never listed");
  }

  @Test
  void setRoleAndDeleteSayWhatNowHolds() {
    control.run("users", "create", "olga", "--role", "operator");
    Result promoted = control.run("users", "set-role", "olga", "admin");
    assertEquals(ExitCode.OK, promoted.exitCode(), promoted::toString);
    assertEquals("olga is now admin\n", promoted.out());
    assertEquals(Role.ADMIN, ((SetUserRoleRequest) control.lastCall().request()).getRole());
    Result deleted = control.run("users", "delete", "olga");
    assertEquals(ExitCode.OK, deleted.exitCode(), deleted::toString);
    assertEquals("deleted user olga\n", deleted.out());
    assertEquals("deleteUser", control.lastCall().method());
  }

  @Test
  void refusalsAndBadRolesMapToExitCodes() {
    Result last = control.run("users", "delete", "admin");
    assertEquals(ExitCode.REFUSED, last.exitCode(), last::toString);
    assertTrue(last.err().contains("last admin"), last::toString);
    Result missing = control.run("users", "set-role", "nobody", "viewer");
    assertEquals(ExitCode.REFUSED, missing.exitCode(), missing::toString);
    int calls = control.server().calls().size();
    Result badRole = control.run("users", "create", "vera", "--role", "root");
    assertEquals(ExitCode.USAGE, badRole.exitCode(), badRole::toString);
    assertTrue(badRole.err().contains("viewer, operator or admin"), badRole::toString);
    assertEquals(calls, control.server().calls().size(), "nothing was sent");
    Result noCommand = control.run("users");
    assertEquals(ExitCode.USAGE, noCommand.exitCode(), noCommand::toString);
    Result help = BenctlHarness.run("users", "create", "--help");
    assertEquals(ExitCode.OK, help.exitCode());
    assertTrue(help.out().contains("--role=ROLE"), help::toString);
  }
}
