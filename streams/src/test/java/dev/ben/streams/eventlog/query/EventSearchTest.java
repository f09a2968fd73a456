package dev.ben.streams.eventlog.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.streams.eventlog.EventSubjects;
import dev.ben.streams.eventlog.StoredEvent;
import dev.ben.streams.store.StoreException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventSearchTest {

  private MemorySource log;

  @BeforeEach
  void someEvents() {
    log = new MemorySource(3);
    for (int i = 1; i <= 10; i++) {
      log.add(
          "e" + i,
          i % 2 == 0 ? "playbook.fired" : "signal.published",
          "detector",
          "{}",
          null,
          EventSubjects.ofPipeline(i <= 5 ? "auth" : "shop", "1"));
    }
  }

  private static List<String> ids(EventPage page) {
    return page.events().stream().map(StoredEvent::id).toList();
  }

  @Test
  void filtersByTypePipelineAndTimeAcrossPages() {
    EventSearch search = new EventSearch(log, 1000);
    EventPage fired = search.find(new EventQuery(Set.of("playbook.fired"), "shop", 0, 0, 100));
    assertEquals(List.of("e6", "e8", "e10"), ids(fired));
    assertFalse(fired.more());
    long sinceFourth = MemorySource.START.plusSeconds(4).toEpochMilli();
    assertEquals(
        List.of("e4", "e5"), ids(search.find(new EventQuery(Set.of(), "auth", sinceFourth, 0, 9))));
  }

  @Test
  void theLimitEndsAPageThatTheNextPositionContinues() {
    EventSearch search = new EventSearch(log, 1000);
    EventPage first = search.find(new EventQuery(Set.of(), null, 0, 0, 4));
    assertEquals(List.of("e1", "e2", "e3", "e4"), ids(first));
    assertTrue(first.more());
    EventPage rest = search.find(new EventQuery(Set.of(), null, 0, first.nextPosition(), 100));
    assertEquals(6, rest.events().size());
    assertEquals("e5", rest.events().get(0).id());
  }

  @Test
  void aSearchReadsNoMoreThanItsBoundAndSaysWhereToGoOn() {
    EventSearch search = new EventSearch(log, 4);
    EventPage page = search.find(new EventQuery(Set.of(), "shop", 0, 0, 100));
    assertEquals(List.of(), ids(page));
    assertEquals(4, log.scanned);
    assertTrue(page.more());
    assertEquals(5, page.nextPosition());
  }

  @Test
  void decisionsCarryTheirSignalsAndOutcomes() {
    log.add("d", "playbook.fired", "detector", "{}", null, EventSubjects.ofPipeline("pay", "3"));
    log.add("p", "signal.published", "detector", "{}", "d", EventSubjects.NONE);
    log.add("x", "signal.delivered", "sidecar", "{}", "p", EventSubjects.NONE);
    Decisions.Page page = new Decisions(log, 1000).find("pay", 0, 0, 10);
    assertEquals(1, page.decisions().size());
    Decisions.Decision decision = page.decisions().get(0);
    assertEquals("d", decision.decision().id());
    assertEquals("p", decision.signals().get(0).published().id());
    assertEquals("x", decision.signals().get(0).outcomes().get(0).id());
  }

  @Test
  void aHistoryThatCannotBeReadLeavesTheSearchToTheLog() {
    EventHistory down =
        new EventHistory() {
          @Override
          public long copiedUpTo() {
            throw new StoreException("clickhouse: connection refused");
          }

          @Override
          public List<StoredEvent> find(EventQuery query, long upTo) {
            throw new AssertionError("not asked once copiedUpTo failed");
          }
        };
    EventQuery query = new EventQuery(Set.of("playbook.fired"), "shop", 0, 0, 100);
    assertEquals(
        ids(new EventSearch(log, 1000).find(query)),
        ids(new EventSearch(log, down, 1000).find(query)));
  }
}
