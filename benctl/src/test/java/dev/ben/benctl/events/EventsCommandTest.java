package dev.ben.benctl.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.api.events.ReadRequest;
import dev.ben.benctl.BenctlHarness.Result;
import dev.ben.benctl.FakeControlServer.Call;
import dev.ben.benctl.FakeControlSession;
import dev.ben.benctl.FakeEvents;
import dev.ben.benctl.command.ExitCode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code benctl events} and {@code benctl events tree} against a fake control API. */
class EventsCommandTest {

  private static final String TOKEN = "viewer-token";
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension final FakeControlSession control = new FakeControlSession(TOKEN);

  @Test
  void listsEventsAsATableAndSaysWhereMoreStart() {
    Result run =
        control.run(
            "events",
            "--type",
            "playbook.fired,signal.published",
            "--pipeline",
            "auth",
            "--since",
            "2025-12-05T00:00:00Z",
            "--limit",
            "5",
            "--from",
            "3");
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertEquals(
        List.of(
            "TIME                  TYPE            SOURCE    PIPELINE  ENTRY           ID",
            "2025-12-05T10:00:06Z  playbook.fired  detector  auth      lockout for k1  ev-fire"),
        run.out().lines().toList());
    assertTrue(run.err().contains("--from 8"), run::toString);
    Call call = control.lastCall();
    assertEquals("readEvents", call.method());
    assertEquals("Bearer " + TOKEN, call.authorization().orElseThrow());
    ReadRequest request = (ReadRequest) call.request();
    assertEquals(List.of("playbook.fired", "signal.published"), request.getTypesList());
    assertEquals("auth", request.getPipeline());
    assertEquals(Instant.parse("2025-12-05T00:00:00Z").toEpochMilli(), request.getSinceMillis());
    assertEquals(5, request.getLimit());
    assertEquals(3, request.getFromPosition());
  }

  @Test
  void jsonHasBenApisShapes() throws Exception {
    Result run = control.run("events", "-o", "json");
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    JsonNode body = JSON.readTree(run.out());
    JsonNode event = body.get("events").get(0);
    assertEquals("ev-fire", event.get("event_id").asText());
    assertEquals("row-77", event.get("data").get("event_id").asText());
    assertEquals("2", event.get("subjects").get("contract_version").asText());
    assertTrue(event.get("parent_id").isNull());
    assertEquals(FakeEvents.AT, event.get("at").asLong());
    assertEquals(8, body.get("next_position").asLong());
  }

  @Test
  void aSpanSinceIsCountedBackFromNow() {
    long before = Instant.now().minusSeconds(7200).toEpochMilli();
    assertEquals(ExitCode.OK, control.run("events", "--since", "2h").exitCode());
    long since = ((ReadRequest) control.lastCall().request()).getSinceMillis();
    assertTrue(since >= before && since <= Instant.now().minusSeconds(7199).toEpochMilli());
    Result bad = control.run("events", "--since", "yesterday");
    assertEquals(ExitCode.USAGE, bad.exitCode(), bad::toString);
    assertTrue(bad.err().contains("--since takes"), bad::toString);
  }

  @Test
  void treeDrawsTheLineageWithBranches() {
    Result run = control.run("events", "tree", "ev-fire");
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertEquals(
        List.of(
            "playbook.fired  2025-12-05T10:00:06Z  detector  lockout for k1  (ev-fire)  ◀",
            "├─ caused by: stored event row-77",
            "├─ contract: ledger.activated  2025-12-05T10:00:06Z  ledger  auth v2 active  (ev-act)",
            "│  └─ parent: ledger.deployed  2025-12-05T10:00:06Z  ledger  deploy auth v2  (ev-dep)",
            "│     └─ parent: ledger.staged  2025-12-05T10:00:06Z  ledger  alice staged auth v2"
                + "  (ev-stg)",
            "└─ signal.published  2025-12-05T10:00:06Z  detector  lock k1  (ev-pub)",
            "   └─ signal.delivered  2025-12-05T10:00:06Z  sidecar  (ev-del)"),
        run.out().lines().toList());
  }

  @Test
  void treeAsJsonAndAnUnknownIdRefused() throws Exception {
    JsonNode tree = JSON.readTree(control.run("events", "tree", "ev-fire", "-o", "json").out());
    assertEquals("ev-fire", tree.get("root").get("event").get("event_id").asText());
    assertEquals("row-77", tree.get("root").get("children").get(0).get("reference").asText());
    Result unknown = control.run("events", "tree", "nope");
    assertEquals(ExitCode.REFUSED, unknown.exitCode(), unknown::toString);
    assertTrue(unknown.err().contains("no event nope"), unknown::toString);
  }

  @Test
  void helpNamesTheOptions() {
    Result help = control.run("events", "--help");
    assertEquals(ExitCode.OK, help.exitCode());
    assertTrue(help.out().contains("--pipeline"), help::toString);
    assertTrue(help.out().contains("tree"), help::toString);
  }
}
