package dev.ben.tests.connectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.store.AnalyticalStore;
import dev.ben.streams.store.ClickHouseStore;
import dev.ben.tests.support.TestServers;

/** The store contract against the real clickhouse-server started by ./ben test. */
class ClickHouseStoreIT extends AnalyticalStoreContract {

  @Override
  protected AnalyticalStore open() {
    return ClickHouseStore.open(TestServers.clickHouse("ben_it"), new ObjectMapper());
  }
}
