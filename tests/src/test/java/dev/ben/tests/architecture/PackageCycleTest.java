package dev.ben.tests.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inside each module, package dependencies form a tree of layers: no two packages reach each other,
 * directly or around a loop. A cycle means neither package can be understood, tested or moved
 * without the other, so the lower one stops being a building block.
 */
class PackageCycleTest {

  /** Other modules' test-jars (streams, benctl) are on this module's test class path. */
  private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar.*");

  private static JavaClasses ben;

  @BeforeAll
  static void importClasses() {
    ben =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.matches(TEST_JAR))
            .importPackages("dev.ben");
  }

  /**
   * Every Java package under {@code rootPackage}, the root included, is its own slice. The capture
   * {@code (name..)} keeps the whole package name, so {@code store} and {@code store.migrate} are
   * different slices and a loop through the root package (the command line's {@code Benctl} and its
   * subcommands) is seen; {@code root.(**)} would leave the root package out, {@code (*)..} would
   * fold subpackages into their parent.
   */
  static ArchRule packagesFreeOfCycles(String rootPackage) {
    int lastDot = rootPackage.lastIndexOf('.');
    String pattern =
        rootPackage.substring(0, lastDot) + ".(" + rootPackage.substring(lastDot + 1) + "..)";
    return slices()
        .matching(pattern)
        .namingSlices("package " + rootPackage.substring(0, lastDot) + ".$1")
        .should()
        .beFreeOfCycles();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "dev.ben.contracts",
        "dev.ben.api",
        "dev.ben.config",
        "dev.ben.streams",
        "dev.ben.client",
        "dev.ben.bux",
        "dev.ben.actors",
        "dev.ben.benctl"
      })
  void packagesOfEachModuleAreFreeOfCycles(String modulePackage) {
    EvaluationResult result = packagesFreeOfCycles(modulePackage).evaluate(ben);
    assertFalse(result.hasViolation(), () -> result.getFailureReport().toString());
  }
}
