package dev.ben.actors.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.config.ScreenSettings;
import dev.ben.contracts.screen.ScreenMatch;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ScreenerTest {

  private final MetricsRegistry metrics = new MetricsRegistry();
  private final FakeVersionLists versions =
      new FakeVersionLists("auth").with(1, "ivan petrov").with(2, "ivan petrov", "olga ivanova");
  private final Screener screener =
      new Screener(new CachedVersionLists(versions, 4), new ScreenSettings(64, 10, 4), metrics);

  private ScreenOutcome screen(ScreenQuestion question) throws Exception {
    return screener
        .screen(Screener.Transport.HTTP, question)
        .toCompletableFuture()
        .get(5, TimeUnit.SECONDS);
  }

  private long counted(String transport, String outcome) {
    return metrics.value(
        "ben_screen_requests_total", Labels.of("transport", transport, "outcome", outcome));
  }

  @Test
  void withoutAVersionTheNewestAnswersAndTheAnswerNamesIt() throws Exception {
    var answered =
        assertInstanceOf(
            ScreenOutcome.Answered.class,
            screen(new ScreenQuestion("auth", "sanctions_names", "Olga Ivanov", 1, 0)));
    assertEquals(2, answered.version());
    assertEquals(List.of(new ScreenMatch("olga ivanova", 1)), answered.matches());
    assertEquals(1, counted("http", "answered"));
  }

  @Test
  void aNamedVersionAnswersWithItsOwnListsReadOnce() throws Exception {
    for (int i = 0; i < 3; i++) {
      var answered =
          assertInstanceOf(
              ScreenOutcome.Answered.class,
              screen(new ScreenQuestion("auth", "sanctions_names", "Olga Ivanov", 1, 1)));
      assertEquals(1, answered.version());
      assertEquals(List.of(), answered.matches());
    }
    assertEquals(1, versions.reads(1));
  }

  @Test
  void badFieldsAreRefusedByNameAndCounted() throws Exception {
    var pipeline =
        assertInstanceOf(
            ScreenOutcome.Refused.class,
            screen(new ScreenQuestion("no such/pipe", "sanctions_names", "x", 1, 0)));
    assertEquals(ScreenRefusal.BAD_FIELD, pipeline.refusal());
    assertTrue(pipeline.message().startsWith("`pipeline`"), pipeline.message());
    var within =
        assertInstanceOf(
            ScreenOutcome.Refused.class,
            screen(new ScreenQuestion("auth", "sanctions_names", "x", 12, 0)));
    assertTrue(within.message().startsWith("`within`"), within.message());
    var list =
        assertInstanceOf(
            ScreenOutcome.Refused.class, screen(new ScreenQuestion("auth", " ", "x", 1, 0)));
    assertTrue(list.message().startsWith("`list`"), list.message());
    assertEquals(3, counted("http", "bad_field"));
  }

  @Test
  void unknownPipelinesVersionsAndListsAreNotFound() throws Exception {
    for (ScreenQuestion question :
        List.of(
            new ScreenQuestion("billing", "sanctions_names", "x", 1, 0),
            new ScreenQuestion("auth", "sanctions_names", "x", 1, 9),
            new ScreenQuestion("auth", "watchlist", "x", 1, 0))) {
      var refused = assertInstanceOf(ScreenOutcome.Refused.class, screen(question));
      assertEquals(ScreenRefusal.NOT_FOUND, refused.refusal(), refused.message());
    }
    assertEquals(3, counted("http", "not_found"));
  }

  @Test
  void aLedgerThatDoesNotAnswerIsUnavailableAndTheNextRequestTriesAgain() throws Exception {
    versions.failing = true;
    var refused =
        assertInstanceOf(
            ScreenOutcome.Refused.class,
            screen(new ScreenQuestion("auth", "sanctions_names", "x", 1, 2)));
    assertEquals(ScreenRefusal.UNAVAILABLE, refused.refusal());
    versions.failing = false;
    assertInstanceOf(
        ScreenOutcome.Answered.class,
        screen(new ScreenQuestion("auth", "sanctions_names", "x", 1, 2)));
    assertEquals(2, versions.reads(2));
  }
}
