package dev.ben.contracts.engine.blot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CodePointsTest {

  @Test
  void masksCountEmojiAndCjkAsOneCodePointEach() {
    assertEquals("***4", CodePoints.maskSuffix("😀😀😀4", 1));
    assertEquals("漢字***", CodePoints.maskPrefix("漢字テスト", 2));
    assertEquals("*****", CodePoints.maskAll("a😀b漢c"));
    assertEquals("a😀", CodePoints.truncate("a😀b漢c", 2));
  }

  @Test
  void combiningMarksAreTheirOwnCodePoints() {
    String decomposed = "e\u0301te\u0301";
    assertEquals("**te\u0301", CodePoints.maskSuffix(decomposed, 3));
    assertEquals("e\u0301", CodePoints.truncate(decomposed, 2));
    assertEquals("****\u0301", CodePoints.maskSuffix(decomposed, 1));
  }

  @Test
  void countsLargerThanTheTextKeepEverything() {
    assertEquals("ab", CodePoints.maskSuffix("ab", 4));
    assertEquals("ab", CodePoints.truncate("ab", 9));
    assertEquals("", CodePoints.maskAll(""));
  }
}
