package dev.ben.benctl.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.api.control.CreateAppRequest;
import dev.ben.benctl.BenctlHarness;
import dev.ben.benctl.BenctlHarness.Result;
import dev.ben.benctl.FakeControlServer;
import dev.ben.benctl.FakeControlServer.Call;
import dev.ben.benctl.FakeControlSession;
import dev.ben.benctl.command.ExitCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code benctl apps create|list|revoke} against a fake control API. */
class AppsCommandTest {

  private static final String TOKEN = "admin-token";

  @RegisterExtension final FakeControlSession control = new FakeControlSession(TOKEN);

  @Test
  void createPrintsTheKeyAloneAndWarnsItIsShownOnce() {
    Result run = control.run("apps", "create", "shop", "--beacon-origin", "https://shop.example");
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertEquals("ben_app_shop_" + FakeControlServer.KEY_SECRET + "\n", run.out());
    assertTrue(run.err().contains("cannot be shown again"), run::toString);
    Call call = control.lastCall();
    assertEquals("createApp", call.method());
    assertEquals("Bearer " + TOKEN, call.authorization().orElseThrow());
    assertEquals(
        List.of("https://shop.example"),
        ((CreateAppRequest) call.request()).getBeaconOriginsList());
  }

  @Test
  void listShowsAppsWithoutKeysAsATableOrJson() {
    control.run("apps", "create", "shop");
    control.run("apps", "create", "billing");
    control.run("apps", "revoke", "billing");
    Result table = control.run("apps", "list");
    assertEquals(ExitCode.OK, table.exitCode(), table::toString);
    List<String> lines = table.out().lines().toList();
    assertTrue(lines.get(0).startsWith("APP"), table::toString);
    assertTrue(lines.get(1).startsWith("billing  2023-11-14T22:13:20Z"), table::toString);
    assertTrue(lines.get(1).contains("2023-11-14T22:14:20Z"), "revoked at");
    assertTrue(lines.get(2).startsWith("shop"), table::toString);
    Result json = control.run("apps", "list", "-o", "json");
    assertTrue(json.out().contains("\"revoked\" : true"), json::toString);
    assertTrue(!json.out().contains(FakeControlServer.KEY_SECRET), "keys are never listed");
  }

  @Test
  void refusalsMapToExitCodes() {
    Result missing = control.run("apps", "revoke", "nobody");
    assertEquals(ExitCode.REFUSED, missing.exitCode(), missing::toString);
    assertTrue(missing.err().contains("no app named nobody"), missing::toString);
    Result noCommand = control.run("apps");
    assertEquals(ExitCode.USAGE, noCommand.exitCode(), noCommand::toString);
    Result help = BenctlHarness.run("apps", "create", "--help");
    assertEquals(ExitCode.OK, help.exitCode());
    assertTrue(help.out().contains("benctl apps create [-hV]"), help::toString);
  }
}
