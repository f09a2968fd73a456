package dev.ben.tests.store;

import dev.ben.streams.store.AnalyticalStore;
import dev.ben.streams.store.ClickHouseStore;
import dev.ben.tests.support.TestServers;

/**
 * Typed rows go in as RowBinary on the real ClickHouse 18.16; each test has a database of its own.
 */
class ClickHouseTypedRowsIT extends TypedRowsContract {

  @Override
  protected AnalyticalStore open() {
    return ClickHouseStore.open(TestServers.clickHouse(TestServers.unique("ben_typed")), JSON);
  }
}
