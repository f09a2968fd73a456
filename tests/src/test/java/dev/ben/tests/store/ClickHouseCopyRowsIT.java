package dev.ben.tests.store;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ben.streams.store.AnalyticalStore;
import dev.ben.streams.store.ClickHouseStore;
import dev.ben.tests.support.TestServers;
import org.junit.jupiter.api.Test;

/** Rows copied by one INSERT ... SELECT on the real ClickHouse 18.16, a database per test. */
class ClickHouseCopyRowsIT extends CopyRowsContract {

  @Override
  protected AnalyticalStore open() {
    return ClickHouseStore.open(TestServers.clickHouse(TestServers.unique("ben_copy")), JSON);
  }

  @Test
  void theContractRunsOnTheClickHouseServer() {
    assertFalse(store.embedded());
  }
}
