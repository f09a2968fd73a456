package dev.ben.streams.eventlog.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.streams.eventlog.EventSubjects;
import dev.ben.streams.eventlog.StoredEvent;
import dev.ben.streams.eventlog.query.EventQuery;
import dev.ben.streams.eventlog.query.EventSearch;
import dev.ben.streams.eventlog.query.MemorySource;
import dev.ben.streams.store.AnalyticalStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the log's history must do on every store: the embedded one ({@code EventArchiveTest}) and
 * the real ClickHouse ({@code EventHistoryIT} in tests/).
 */
public abstract class EventArchiveContract {

  private AnalyticalStore store;
  private MemorySource log;
  private final List<StoredEvent> added = new ArrayList<>();

  @BeforeEach
  public void tenEvents() {
    store = open();
    log = new MemorySource(3);
    for (int i = 1; i <= 10; i++) {
      added.add(
          log.add(
              "e" + i,
              i % 2 == 0 ? "playbook.fired" : "signal.published",
              "detector",
              "{\"n\":" + i + ",\"why\":\"the \\\"limit\\\" passed\"}",
              i == 1 ? null : "e" + (i - 1),
              new EventSubjects(
                  i <= 5 ? "auth" : "shop", "2", i % 3 == 0 ? "web" : null, "k" + i)));
    }
  }

  /** A fresh, empty store. */
  protected abstract AnalyticalStore open();

  @AfterEach
  public void close() {
    store.close();
  }

  @Test
  public void copiesPageByPageAndReadsBackWhatTheLogHeld() {
    EventArchive archive = new EventArchive(store, log);
    assertEquals(-1, archive.copiedUpTo());
    List<Integer> rounds = new ArrayList<>();
    int copied;
    do {
      copied = archive.copyNext();
      rounds.add(copied);
    } while (archive.fullPage(copied));
    assertEquals(List.of(3, 3, 3, 1), rounds);
    assertEquals(10, archive.copiedUpTo());
    assertEquals(added, archive.find(new EventQuery(Set.of(), null, 0, 0, 100), 10));
  }

  @Test
  public void aRestartedCopierResumesWhereTheTableEndsAndCopiesNothingTwice() {
    new EventArchive(store, log).copyNext();
    EventArchive restarted = new EventArchive(store, log);
    assertEquals(3, restarted.copiedUpTo());
    assertEquals(3, restarted.copyNext());
    assertEquals("e4", restarted.find(new EventQuery(Set.of(), null, 0, 4, 1), 6).get(0).id());
    store.insertJsonRows(ArchiveTable.TABLE, List.of(ArchiveTable.row(added.get(4))));
    store.insertJsonRows(ArchiveTable.TABLE, List.of(ArchiveTable.row(added.get(4))));
    assertEquals(6, restarted.find(new EventQuery(Set.of(), null, 0, 0, 100), 10).size());
  }

  @Test
  public void filtersByTypePipelineAndTimeInTheStore() {
    EventArchive archive = new EventArchive(store, log);
    while (archive.fullPage(archive.copyNext())) {}
    long sinceSeventh = MemorySource.START.plusSeconds(7).toEpochMilli();
    List<String> ids =
        archive
            .find(new EventQuery(Set.of("playbook.fired"), "shop", sinceSeventh, 0, 9), 10)
            .stream()
            .map(StoredEvent::id)
            .toList();
    assertEquals(List.of("e8", "e10"), ids);
  }

  @Test
  public void aSearchReadsTheHistoryThenOnlyTheLogAfterIt() {
    EventArchive archive = new EventArchive(store, log);
    archive.copyNext();
    archive.copyNext();
    log.scanned = 0;
    EventQuery query = new EventQuery(Set.of(), "shop", 0, 0, 100);
    var withHistory = new EventSearch(log, archive, 1000).find(query);
    assertEquals(4, log.scanned, "only positions 7 to 10 are read from the log");
    var logAlone = new EventSearch(log, 1000).find(query);
    assertEquals(logAlone.events(), withHistory.events());
    assertFalse(withHistory.more());
    var limited = new EventSearch(log, archive, 1000).find(new EventQuery(Set.of(), null, 0, 0, 2));
    assertEquals(List.of("e1", "e2"), limited.events().stream().map(StoredEvent::id).toList());
    assertTrue(limited.more());
    assertEquals(3, limited.nextPosition());
  }
}
