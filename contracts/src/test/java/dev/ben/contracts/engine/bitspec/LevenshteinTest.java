package dev.ben.contracts.engine.bitspec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LevenshteinTest {

  @ParameterizedTest
  @CsvSource({
    "kitten, sitting, 5, 3",
    "kitten, sitting, 2, 3",
    "flaw, lawn, 5, 2",
    "same, same, 0, 0",
    "'', abc, 5, 3",
    "abc, '', 1, 2",
    "abcdef, azcdxf, 2, 2",
    "中文字, 中字, 1, 1",
    "😀a, 😀b, 1, 1"
  })
  void boundedDistanceIsExactUpToTheBoundThenBoundPlusOne(
      String a, String b, int max, int expected) {
    assertEquals(expected, Levenshtein.bounded(a, b, max));
  }
}
