package dev.ben.contracts.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ben.contracts.project.LoadedProject;
import java.util.ArrayList;
import java.util.List;

/** The shared assertion of the table-driven negative tests. */
final class NegativeCases {

  /**
   * One case: its name, the fixture text to replace and its replacement, and every expected
   * diagnostic.
   */
  static org.junit.jupiter.params.provider.Arguments c(
      String name, String from, String to, String... expected) {
    return org.junit.jupiter.params.provider.Arguments.of(
        name, from, to, java.util.List.of(expected));
  }

  private NegativeCases() {}

  /**
   * Applies one mutation to the fixture and asserts exactly the expected diagnostics, in source
   * order.
   */
  static void assertDiagnostics(String from, String to, List<String> expected) {
    LoadedProject project = Fixture.load(Fixture.mutate(from, to));
    List<String> actual = new ArrayList<>();
    for (String header : Fixture.headers(project)) {
      actual.add(header.substring("auth.ben:".length()));
    }
    assertEquals(expected, actual, project.diagnostics().render());
    if (expected.stream().anyMatch(header -> header.contains(": error: "))) {
      assertFalse(project.ok(), "a project with errors must not produce a checked program");
    }
  }
}
