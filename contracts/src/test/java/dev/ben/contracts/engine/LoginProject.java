package dev.ben.contracts.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.project.LoadedProject;
import dev.ben.contracts.project.ProjectLoader;
import dev.ben.contracts.project.SourceTree;
import java.util.Map;

/**
 * A project of one small login schema (id, user, a number n) and the policies, detectors and
 * pipeline a test adds, compiled into a runtime of pipeline {@code auth}, for the detector tests.
 */
final class LoginProject {

  private static final String SCHEMA =
      """
      schema login v1 {
        table logins
        key [id]
        order_by [id]
        fields { id: string
                 user: string
                 n: u32 }
      }
      """;

  private LoginProject() {}

  /** The runtime of the schema and {@code rest}, which must compile. */
  static ContractRuntime runtime(String rest) {
    LoadedProject project =
        ProjectLoader.load(
            SourceTree.of(
                Map.of(
                    "ben.project",
                    "name = \"auth\"\nkey = \"keys/auth.key\"\n",
                    "auth.ben",
                    SCHEMA + rest)));
    assertTrue(project.ok(), () -> project.diagnostics().sorted().toString());
    ContractSet set = project.compile("test").orElseThrow();
    return ContractRuntime.build(set, "auth", new byte[32]);
  }
}
