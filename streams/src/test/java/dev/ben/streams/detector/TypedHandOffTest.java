package dev.ben.streams.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.engine.ContractRuntime;
import dev.ben.contracts.engine.DetectorRuntime.Detection;
import dev.ben.contracts.engine.EvaluationResult;
import dev.ben.contracts.engine.playbook.LocalBoundAdmission;
import dev.ben.contracts.event.Translation;
import dev.ben.contracts.model.Action;
import dev.ben.contracts.model.ContractSet;
import dev.ben.streams.spine.SpineStage;
import dev.ben.streams.testing.AuthProject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A shard in the spine's process reads the typed event and the decisions the spine left, one
 * elsewhere reads the body and the names: both detect the same, and the typed part is never
 * written.
 */
class TypedHandOffTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long VERSION = 1;

  /** The examples/auth events, three times over an hour apart, as the spine hands them on. */
  private static List<DetectInput> spineOutput(ContractRuntime runtime) throws Exception {
    List<DetectInput> inputs = new ArrayList<>();
    Path events = Path.of("../examples/auth/events");
    for (int round = 0; round < 3; round++) {
      for (String file : List.of("logins.ndjson", "attack.ndjson")) {
        for (String line : Files.readAllLines(events.resolve(file))) {
          if (line.isBlank() || !line.contains("\"ts\"")) {
            continue;
          }
          ObjectNode original = (ObjectNode) JSON.readTree(line);
          Instant ts = Instant.parse(original.get("ts").asText()).plusSeconds(3600L * round);
          original.put("ts", ts.toString());
          Translation translation =
              runtime.translate("login", original.toString().getBytes(StandardCharsets.UTF_8));
          if (!(translation instanceof Translation.Accepted accepted)) {
            continue;
          }
          EvaluationResult result = runtime.decide(accepted.event());
          if (result.winner() instanceof Action.DropWithReason) {
            continue;
          }
          ObjectNode body = SpineStage.body(result, JSON);
          inputs.add(
              new DetectInput(
                  body,
                  result.bits(),
                  result.rules(),
                  result.facts(),
                  ts.toEpochMilli(),
                  result.decided()));
        }
      }
    }
    return inputs;
  }

  private static List<Detection> detect(ContractRuntime runtime, List<DetectInput> inputs) {
    ShardDetectors shard = new ShardDetectors(VERSION, runtime, "login", 1);
    LocalBoundAdmission bounds = new LocalBoundAdmission();
    List<Detection> found = new ArrayList<>();
    for (DetectInput input : inputs) {
      found.addAll(shard.run(List.of(input)).admit(bounds).toCompletableFuture().join());
    }
    assertEquals(0, shard.unfit());
    return found;
  }

  @Test
  void bothPathsDetectTheSame() throws Exception {
    ContractSet contracts = AuthProject.v1();
    ContractRuntime spine = ContractRuntime.build(contracts, AuthProject.PIPELINE, new byte[32]);
    List<DetectInput> typed = spineOutput(spine);
    List<DetectInput> named =
        typed.stream()
            .map(
                in -> new DetectInput(in.event(), in.bits(), in.rules(), in.facts(), in.atMillis()))
            .toList();
    assertTrue(typed.stream().allMatch(in -> in.decided().readableBy(spine)));

    List<Detection> viaTypes = detect(spine, typed);
    List<Detection> viaNames = detect(spine, named);

    assertEquals(viaNames, viaTypes);
    assertTrue(
        viaTypes.stream().anyMatch(d -> !d.playbooks().isEmpty()),
        "the events must fire playbooks, or the comparison shows little");
  }

  @Test
  void anotherVersionsEnginesReadTheBodyInstead() throws Exception {
    ContractRuntime spine =
        ContractRuntime.build(AuthProject.v1(), AuthProject.PIPELINE, new byte[32]);
    ContractRuntime other =
        ContractRuntime.build(AuthProject.v1(), AuthProject.PIPELINE, new byte[32]);
    List<DetectInput> typed = spineOutput(spine);
    assertTrue(typed.stream().noneMatch(in -> in.decided().readableBy(other)));
    assertEquals(detect(spine, typed), detect(other, typed));
  }

  @Test
  void theTypedPartIsNeverWritten() throws Exception {
    ContractRuntime spine =
        ContractRuntime.build(AuthProject.v1(), AuthProject.PIPELINE, new byte[32]);
    DetectInput input = spineOutput(spine).get(0);
    String written = JSON.writeValueAsString(input);
    DetectInput read = JSON.readValue(written, DetectInput.class);
    assertNull(read.decided());
    assertEquals(input.event().toString(), read.event().toString());
    assertEquals(input.bits(), read.bits());
    assertTrue(!written.contains("decided"), written);
  }
}
