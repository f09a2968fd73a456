package dev.ben.tests.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.ben.bux.archfixture.GatewayImportingActors;
import dev.ben.streams.archfixture.StreamsImportingActors;
import org.junit.jupiter.api.Test;

/**
 * The direction rules fail on classes that break them (fixtures in test sources), so a pass means
 * something.
 */
class ModuleRulesCatchViolationsTest {

  @Test
  void streamsImportingActorsIsCaught() {
    JavaClasses violating = new ClassFileImporter().importClasses(StreamsImportingActors.class);
    AssertionError error =
        assertThrows(
            AssertionError.class,
            () -> ModuleDirectionTest.STREAMS_NEVER_USE_ACTORS.check(violating));
    assertTrue(error.getMessage().contains("StreamsImportingActors"), error.getMessage());
  }

  @Test
  void theGatewayImportingActorsIsCaught() {
    JavaClasses violating = new ClassFileImporter().importClasses(GatewayImportingActors.class);
    AssertionError error =
        assertThrows(
            AssertionError.class,
            () -> ModuleDirectionTest.TOOLS_NEVER_USE_ACTORS.check(violating));
    assertTrue(error.getMessage().contains("GatewayImportingActors"), error.getMessage());
  }
}
