package dev.ben.contracts.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.contracts.project.LoadedProject;
import java.util.List;
import org.junit.jupiter.api.Test;

class FixtureTest {

  @Test
  void baseFixtureIsValid() {
    LoadedProject project = Fixture.load(Fixture.BASE);
    assertEquals(List.of(), Fixture.headers(project), project.diagnostics().render());
    assertTrue(project.ok());
  }
}
