package dev.ben.contracts.check;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one check every negative case runs: apply one mistake to the fixture and compare every
 * diagnostic with the expected lines. Subclasses supply a static {@code cases()} of {@link
 * NegativeCases#c} arguments.
 */
abstract class NegativeDiagnosticsContract {

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsExactlyTheExpectedDiagnostics(
      String name, String from, String to, List<String> expected) {
    NegativeCases.assertDiagnostics(from, to, expected);
  }
}
