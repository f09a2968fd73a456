package dev.ben.contracts.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.contracts.diag.Diagnostic;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each negative case yields, as its first error, exactly the expected message, position, span and hint. */
class NegativeDiagnosticsTest {

  static Stream<NegativeCase> cases() {
    return NegativeCases.all().stream();
  }

  @Test
  void theSharedBaseIsValid() {
    assertEquals(List.of(), Compile.headlines(NegativeCase.BASE));
  }

  @Test
  void thereAreAtLeastSixtyDistinctCases() {
    List<NegativeCase> all = NegativeCases.all();
    assertTrue(all.size() >= 60, "only " + all.size() + " cases");
    assertEquals(all.size(), all.stream().map(NegativeCase::name).distinct().count(), "case names are unique");
    assertEquals(all.size(), all.stream().map(NegativeCase::message).distinct().count() + duplicateMessages(all));
  }

  private static long duplicateMessages(List<NegativeCase> all) {
    return all.size() - all.stream().map(NegativeCase::message).distinct().count();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsTheExactErrorAtTheMarkedSpan(NegativeCase c) {
    List<Diagnostic> errors = Compile.diagnostics(c.source()).stream().filter(Diagnostic::isError).toList();
    assertTrue(!errors.isEmpty(), "no error for " + c.name());
    Diagnostic first = errors.get(0);
    assertEquals(c.message(), first.message(), () -> "all: " + errors.stream().map(Diagnostic::headline).toList());
    assertEquals(c.expectedStart(), first.span().start(), "start of the span");
    assertEquals(c.expectedEnd(), first.span().end(), "end of the span");
    if (c.hint() != null) {
      assertEquals(Optional.of(c.hint()), first.hint());
    }
  }
}
