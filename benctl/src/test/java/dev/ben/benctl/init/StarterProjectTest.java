package dev.ben.benctl.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.ben.benctl.BenctlHarness;
import dev.ben.benctl.command.ExitCode;
import dev.ben.contracts.engine.ContractRuntime;
import dev.ben.contracts.engine.EvaluationResult;
import dev.ben.contracts.engine.playbook.PlaybookOutcome;
import dev.ben.contracts.event.Event;
import dev.ben.contracts.event.Translation;
import dev.ben.contracts.fmt.Formatter;
import dev.ben.contracts.project.ProjectLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The starter contract and its sample events do what the generated README promises. */
class StarterProjectTest {

  @TempDir Path dir;

  @Test
  void theContractIsInCanonicalLayout() {
    assertEquals(
        StarterProject.CONTRACT,
        Formatter.format(StarterProject.CONTRACT_FILE, StarterProject.CONTRACT));
  }

  @Test
  void theSampleEventsExerciseEveryRuleAndThePlaybookWithinItsBound() {
    assertEquals(ExitCode.OK, BenctlHarness.run("init", dir.toString()).exitCode());
    var contracts = ProjectLoader.load(dir).compile("dev").orElseThrow();
    var runtime =
        ContractRuntime.build(contracts, "api", "test-key".getBytes(StandardCharsets.UTF_8));

    List<String> rules = new ArrayList<>();
    List<String> playbooks = new ArrayList<>();
    for (String line : StarterProject.EVENTS.strip().split("\n")) {
      var translation = runtime.translate("request", line.getBytes(StandardCharsets.UTF_8));
      Event event =
          assertInstanceOf(Translation.Accepted.class, translation, translation::toString).event();
      EvaluationResult result = runtime.evaluate(event, event.longValue(0));
      rules.add(result.action() + " " + result.rules());
      playbooks.add(result.playbooks().stream().map(PlaybookOutcome::status).toList().toString());
    }
    assertEquals(
        List.of(
            "pass []",
            "pass []",
            "sample(10) [big_response]",
            "pass []",
            "flag [flag_probe]",
            "flag [flag_probe]",
            "flag [flag_probe]",
            "flag [flag_probe]"),
        rules);
    assertEquals(List.of("[]", "[]", "[]", "[]", "[]", "[]", "[FIRED]", "[SUPPRESSED]"), playbooks);
  }
}
