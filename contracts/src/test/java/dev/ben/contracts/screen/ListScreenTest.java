package dev.ben.contracts.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.model.ExampleContracts;
import dev.ben.contracts.model.FieldType;
import dev.ben.contracts.model.ValueList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListScreenTest {

  private static final ScreenLimits LIMITS = new ScreenLimits(64, 10);

  private static List<ScreenMatch> matches(ScreenResult result) {
    return assertInstanceOf(ScreenResult.Matches.class, result).matches();
  }

  private static ScreenResult.Refused refused(ScreenResult result) {
    return assertInstanceOf(ScreenResult.Refused.class, result);
  }

  private static ListScreen list(String... entries) {
    return ListScreen.of(new ValueList("names", FieldType.STRING, List.of(entries), ""));
  }

  @Test
  void answersEveryEntryWithinTheDistanceNearestFirstThenByEntry() {
    ListScreen screen = list("ivan petrova", "ivan petrov", "ivan petrow", "evil corp", "ivan");
    assertEquals(
        List.of(
            new ScreenMatch("ivan petrov", 0),
            new ScreenMatch("ivan petrova", 1),
            new ScreenMatch("ivan petrow", 1)),
        matches(screen.screen("Ivan Petrov", 2, LIMITS)));
  }

  @Test
  void comparesCaseInsensitivelyByCodePointAndKeepsTheEntryAsWritten() {
    ListScreen screen = list("Kim Jong", "中文字");
    assertEquals(
        List.of(new ScreenMatch("Kim Jong", 0)), matches(screen.screen("KIM JONG", 0, LIMITS)));
    assertEquals(List.of(new ScreenMatch("中文字", 1)), matches(screen.screen("中字", 1, LIMITS)));
  }

  @Test
  void nothingWithinTheDistanceIsAnEmptyAnswer() {
    assertEquals(List.of(), matches(list("evil corp").screen("good company", 2, LIMITS)));
  }

  @Test
  void duplicateEntriesAreAnsweredOnce() {
    ListScreen screen = list("john doe", "john doe");
    assertEquals(1, screen.size());
    assertEquals(1, matches(screen.screen("john do", 1, LIMITS)).size());
  }

  @Test
  void refusesAMissingOrOverlongNameAndADistanceOutOfBoundsNamingTheField() {
    ListScreen screen = list("john doe");
    assertEquals("name", refused(screen.screen(" ", 1, LIMITS)).field());
    assertEquals("name", refused(screen.screen(null, 1, LIMITS)).field());
    ScreenResult.Refused long_ = refused(screen.screen("x".repeat(65), 1, LIMITS));
    assertEquals("name", long_.field());
    assertTrue(long_.message().contains("ben.screen.max-name-length"), long_.message());
    assertEquals("within", refused(screen.screen("john", -1, LIMITS)).field());
    assertEquals("within", refused(screen.screen("john", 9, LIMITS)).field());
    assertEquals(ScreenResult.Reason.BAD_FIELD, refused(screen.screen("john", 9, LIMITS)).reason());
  }

  @Test
  void refusesRatherThanTruncatesWhenMoreEntriesMatchThanAllowed() {
    ListScreen screen = list("ab", "ac", "ad");
    assertEquals(3, matches(screen.screen("aa", 1, new ScreenLimits(8, 3))).size());
    ScreenResult.Refused tooMany = refused(screen.screen("aa", 1, new ScreenLimits(8, 2)));
    assertEquals("within", tooMany.field());
    assertTrue(tooMany.message().contains("more than 2 entries"), tooMany.message());
  }

  @Test
  void theContractSetsListsAreFoundByNameAndOnlyListsOfStringsScreen() {
    ListScreens lists = ListScreens.of(ExampleContracts.contractSet());
    assertEquals(List.of("high_risk_countries", "sanctions_names"), lists.names());
    assertEquals(
        List.of(new ScreenMatch("ivan petrov", 1)),
        matches(lists.screen("sanctions_names", "ivan petrow", 2, LIMITS)));
    ScreenResult.Refused unknown = refused(lists.screen("nope", "x", 1, LIMITS));
    assertEquals(ScreenResult.Reason.UNKNOWN_LIST, unknown.reason());
    assertTrue(unknown.message().contains("sanctions_names"), unknown.message());
    var addresses = new ValueList("blocked", FieldType.IPV4, List.of("10.0.0.1"), "");
    var withAddresses =
        new ContractSet(
            "p",
            "v1",
            List.of(),
            List.of(addresses),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of());
    ScreenResult.Refused notNames =
        refused(ListScreens.of(withAddresses).screen("blocked", "x", 1, LIMITS));
    assertEquals(ScreenResult.Reason.BAD_FIELD, notNames.reason());
  }
}
