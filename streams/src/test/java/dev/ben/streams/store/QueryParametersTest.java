package dev.ben.streams.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueryParametersTest {

  @Test
  void stringsAreQuotedWithQuotesAndBackslashesEscapedAndNumbersWrittenAsDigits() {
    assertEquals(
        "SELECT * FROM t WHERE a = 'x\\' OR \\'1\\'=\\'1\\\\' AND b < 42",
        QueryParameters.bind(
            "SELECT * FROM t WHERE a = ? AND b < ?", List.of("x' OR '1'='1\\", 42L)));
  }

  @Test
  void placeholdersInsideQuotesAreText() {
    assertEquals(
        "SELECT '?' AS q, `a?` FROM t WHERE c = 'v'",
        QueryParameters.bind("SELECT '?' AS q, `a?` FROM t WHERE c = ?", List.of("v")));
  }

  @Test
  void countsMustMatchAndOnlyTextAndWholeNumbersAreTaken() {
    assertThrows(IllegalArgumentException.class, () -> QueryParameters.bind("? ?", List.of(1L)));
    assertThrows(IllegalArgumentException.class, () -> QueryParameters.bind("?", List.of()));
    assertThrows(IllegalArgumentException.class, () -> QueryParameters.bind("?", List.of(1.5d)));
  }
}
