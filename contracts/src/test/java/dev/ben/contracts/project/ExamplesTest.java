package dev.ben.contracts.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.contracts.check.CheckedProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ExamplesTest {

  static Path example(String name) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("examples").resolve(name))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException(
          "examples/" + name + " not found above " + Path.of("").toAbsolutePath());
    }
    return dir.resolve("examples").resolve(name);
  }

  @Test
  void authExampleChecksCleanly() {
    LoadedProject project = ProjectLoader.load(example("auth"));
    assertEquals("", project.diagnostics().render());
    assertTrue(project.ok());
    CheckedProgram program = project.program().orElseThrow();
    assertEquals("auth", project.settings().name());
    assertEquals("keys/auth.key", project.settings().keyPath());
    assertEquals(1, program.schemas().size());
    assertEquals(3, program.list("sanctions_names").values().size());
    assertEquals(1, program.pipelines().size());
  }

  @Test
  void webExampleChecksCleanlyWithPiiAsError() {
    LoadedProject project = ProjectLoader.load(example("web"));
    assertEquals("", project.diagnostics().render());
    CheckedProgram program = project.program().orElseThrow();
    assertEquals(dev.ben.contracts.diag.Severity.ERROR, project.settings().piiSeverity());
    assertEquals(3, program.list("crawlers").values().size());
    assertEquals("page_views", program.schema("page_view").table());
    assertEquals("hash", program.scope("page_view").redaction("visitor").redact().op().name());
  }
}
