package dev.ben.tests.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Module dependencies point one way (docs/architecture.md): contracts <- cluster-config <- streams
 * <- actors, and benctl and bux-gateway never use actors; they reach the cluster over its APIs.
 * Maven already refuses a reverse module dependency; this test also catches a package-level import
 * across the line.
 */
class ModuleDirectionTest {

  private static JavaClasses ben;

  @BeforeAll
  static void importClasses() {
    ben =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ben");
  }

  private static void assertHolds(ArchRule rule) {
    rule.check(ben);
  }

  @Test
  void contractsDependOnNoOtherModule() {
    assertHolds(
        noClasses()
            .that()
            .resideInAPackage("dev.ben.contracts..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "dev.ben.config..",
                "dev.ben.streams..",
                "dev.ben.actors..",
                "dev.ben.benctl..",
                "dev.ben.bux..")
            .because("contracts is the pure language and engines everything else builds on"));
  }

  @Test
  void contractsStayFreeOfPekko() {
    assertHolds(
        noClasses()
            .that()
            .resideInAPackage("dev.ben.contracts..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.apache.pekko..")
            .because(
                "the engines run the same in benctl and the bux test bench, without an actor system"));
  }

  @Test
  void clusterConfigUsesOnlyContracts() {
    assertHolds(
        noClasses()
            .that()
            .resideInAPackage("dev.ben.config..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "dev.ben.streams..", "dev.ben.actors..", "dev.ben.benctl..", "dev.ben.bux.."));
  }

  static final ArchRule STREAMS_NEVER_USE_ACTORS =
      noClasses()
          .that()
          .resideInAPackage("dev.ben.streams..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.ben.actors..", "dev.ben.benctl..", "dev.ben.bux..")
          .because("streams are building blocks; the actors module composes them");

  static final ArchRule TOOLS_NEVER_USE_ACTORS =
      noClasses()
          .that()
          .resideInAnyPackage("dev.ben.benctl..", "dev.ben.bux..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.ben.actors..")
          .because("benctl and bux talk to the cluster over its APIs, never by linking the node");

  @Test
  void streamsNeverUseActorsOrTheTools() {
    assertHolds(STREAMS_NEVER_USE_ACTORS);
  }

  @Test
  void benctlAndTheGatewayNeverUseActors() {
    assertHolds(TOOLS_NEVER_USE_ACTORS);
  }

  @Test
  void benctlAndTheGatewayAreIndependent() {
    assertHolds(slices().matching("dev.ben.(benctl|bux)..").should().notDependOnEachOther());
  }
}
