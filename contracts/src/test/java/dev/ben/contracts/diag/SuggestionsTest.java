package dev.ben.contracts.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

  @Test
  void suggestsTheClosestNameWithinASmallDistance() {
    List<String> known = List.of("attempts", "user", "country", "card");
    assertEquals(Optional.of("attempts"), Suggestions.closest("atempts", known));
    assertEquals(Optional.of("card"), Suggestions.closest("cards", known));
    assertEquals(Optional.empty(), Suggestions.closest("zzzzzz", known));
  }

  @Test
  void distanceGivesUpPastTheLimit() {
    assertEquals(1, Suggestions.distance("kitten", "sitten", 3));
    assertEquals(3, Suggestions.distance("kitten", "sitting", 3));
    assertEquals(3, Suggestions.distance("abcdefgh", "zzzzzzzz", 2));
  }
}
