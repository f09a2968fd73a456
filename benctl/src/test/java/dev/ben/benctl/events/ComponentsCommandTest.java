package dev.ben.benctl.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.api.events.Component;
import dev.ben.benctl.BenctlHarness;
import dev.ben.benctl.BenctlHarness.Result;
import dev.ben.benctl.FakeControlServer.Call;
import dev.ben.benctl.FakeControlSession;
import dev.ben.benctl.command.ExitCode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code benctl events components register|list} against a fake control API. */
class ComponentsCommandTest {

  private static final String TOKEN = "admin-token";
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension final FakeControlSession control = new FakeControlSession(TOKEN);

  @TempDir Path dir;

  @Test
  void registerSendsTheNameAndTypesWithTheToken() {
    Result run =
        control.run(
            "events",
            "components",
            "register",
            "responder",
            "--consume",
            "playbook.fired,signal.published",
            "--publish",
            "case.opened");
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertEquals(
        "registered component responder (publishes: case.opened;"
            + " consumes: playbook.fired,signal.published)\n",
        run.out());
    Call call = control.lastCall();
    assertEquals("registerComponent", call.method());
    assertEquals("Bearer " + TOKEN, call.authorization().orElseThrow());
    Component sent = (Component) call.request();
    assertEquals("responder", sent.getName());
    assertEquals(List.of("playbook.fired", "signal.published"), sent.getConsumesList());
    assertEquals(List.of("case.opened"), sent.getPublishesList());
  }

  @Test
  void registerAsJsonAndWithoutTypes() throws Exception {
    Result run = control.run("events", "components", "register", "auditor", "-o", "json");
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    JsonNode body = JSON.readTree(run.out());
    assertEquals("auditor", body.get("name").asText());
    assertEquals(0, body.get("publishes").size());
    assertEquals(0, body.get("consumes").size());
    assertTrue(((Component) control.lastCall().request()).getConsumesList().isEmpty());
  }

  @Test
  void aRefusedRegistrationSaysWhy() {
    Result run =
        control.run("events", "components", "register", "ledger", "--consume", "ledger.staged");
    assertEquals(ExitCode.REFUSED, run.exitCode(), run::toString);
    assertTrue(run.err().contains("one of Ben's own"), run::toString);
  }

  @Test
  void listShowsEveryComponentByNameAsATable() {
    control.run("events", "components", "register", "responder", "--consume", "playbook.fired");
    Result run = control.run("events", "components", "list");
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertEquals(
        List.of(
            "COMPONENT  PUBLISHES                        CONSUMES",
            "responder  -                                playbook.fired",
            "signals    signal.delivered,signal.dropped  -"),
        run.out().lines().toList());
    assertEquals("listComponents", control.lastCall().method());
  }

  @Test
  void listAsJson() throws Exception {
    control.run("events", "components", "register", "responder", "--consume", "playbook.fired");
    Result run = control.run("events", "components", "list", "-o", "json");
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    JsonNode components = JSON.readTree(run.out()).get("components");
    assertEquals(2, components.size());
    assertEquals("responder", components.get(0).get("name").asText());
    assertEquals("playbook.fired", components.get(0).get("consumes").get(0).asText());
    assertEquals("signal.delivered", components.get(1).get("publishes").get(0).asText());
  }

  @Test
  void withoutACommandItShowsTheChoices() {
    Result run =
        BenctlHarness.run(
            BenctlHarness.environment(dir.resolve("config.json"), Map.of(), ""),
            "events",
            "components");
    assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
    assertTrue(run.err().contains("register"), run::toString);
    assertTrue(run.err().contains("list"), run::toString);
  }
}
