package dev.ben.tests.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.ben.tests.architecture.fixture.cycle.RootCommand;
import dev.ben.tests.architecture.fixture.cycle.a.Caller;
import dev.ben.tests.architecture.fixture.cycle.b.Callee;
import dev.ben.tests.architecture.fixture.cycle.sub.SubCommand;
import org.junit.jupiter.api.Test;

/**
 * The package-cycle rule fails on packages that import each other (fixtures in test sources), so a
 * pass means something.
 */
class CycleRulesCatchViolationsTest {

  private static final String FIXTURE = "dev.ben.tests.architecture.fixture.cycle";

  @Test
  void siblingPackagesImportingEachOtherAreCaught() {
    JavaClasses cyclic = new ClassFileImporter().importClasses(Caller.class, Callee.class);
    AssertionError error =
        assertThrows(
            AssertionError.class,
            () -> PackageCycleTest.packagesFreeOfCycles(FIXTURE).check(cyclic));
    assertTrue(error.getMessage().contains("Cycle detected"), error.getMessage());
    assertTrue(error.getMessage().contains(Caller.class.getName()), error.getMessage());
  }

  @Test
  void aLoopThroughTheRootPackageIsCaught() {
    JavaClasses cyclic = new ClassFileImporter().importClasses(RootCommand.class, SubCommand.class);
    AssertionError error =
        assertThrows(
            AssertionError.class,
            () -> PackageCycleTest.packagesFreeOfCycles(FIXTURE).check(cyclic));
    assertTrue(error.getMessage().contains(RootCommand.class.getName()), error.getMessage());
  }
}
