package dev.ben.tests.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.streams.store.AnalyticalStore;
import dev.ben.streams.store.ClickHouseStore;
import dev.ben.tests.support.TestServers;
import org.junit.jupiter.api.Test;

/**
 * Typed rows go in as RowBinary on the real ClickHouse 18.16; each test has a database of its own.
 */
class ClickHouseTypedRowsIT extends TypedRowsContract {

  @Override
  protected AnalyticalStore open() {
    return ClickHouseStore.open(TestServers.clickHouse(TestServers.unique("ben_typed")), JSON);
  }

  /** The contract's tests run against the server, not a store that merely looks like it. */
  @Test
  void theContractRunsOnTheClickHouseServer() {
    assertFalse(store.embedded());
    assertTrue(store.describe().startsWith("clickhouse "), store.describe());
  }
}
