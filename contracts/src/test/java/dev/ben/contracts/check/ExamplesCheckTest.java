package dev.ben.contracts.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.contracts.diag.Diagnostic;
import dev.ben.contracts.diag.Diagnostics;
import dev.ben.contracts.project.Project;
import dev.ben.contracts.project.ProjectLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The example projects in the repository check without any finding. */
class ExamplesCheckTest {

  @ParameterizedTest
  @ValueSource(strings = {"auth", "web"})
  void examplesCheckCleanly(String example) {
    Diagnostics d = new Diagnostics();
    Project project = ProjectLoader.load(Path.of("..", "examples", example), d).orElseThrow();
    CheckedProject checked = Checker.check(project, d);
    List<String> findings = d.sorted().stream().map(Diagnostic::headline).toList();
    assertEquals(List.of(), findings);
    assertEquals(example, project.settings().name());
    assertTrue(checked.schemas().size() >= 1);
    assertTrue(checked.policies().values().stream().allMatch(p -> !p.rules().isEmpty()));
  }
}
