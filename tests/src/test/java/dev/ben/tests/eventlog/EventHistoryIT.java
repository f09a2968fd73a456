package dev.ben.tests.eventlog;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.eventlog.archive.EventArchiveContract;
import dev.ben.streams.store.AnalyticalStore;
import dev.ben.streams.store.ClickHouseStore;
import dev.ben.tests.support.TestServers;
import org.junit.jupiter.api.Test;

/**
 * The event log's history on the real ClickHouse 18.16 (ReplacingMergeTree, FINAL, bound query
 * parameters); each test has a database of its own.
 */
class EventHistoryIT extends EventArchiveContract {

  private AnalyticalStore opened;

  @Override
  protected AnalyticalStore open() {
    opened =
        ClickHouseStore.open(
            TestServers.clickHouse(TestServers.unique("ben_history")), new ObjectMapper());
    return opened;
  }

  /** The contract's tests run against the server, not a store that merely looks like it. */
  @Test
  void theContractRunsOnTheClickHouseServer() {
    assertFalse(opened.embedded());
  }
}
