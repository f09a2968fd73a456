package dev.ben.tests.connectors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.store.AnalyticalStore;
import dev.ben.streams.store.ClickHouseStore;
import dev.ben.streams.store.StoreException;
import dev.ben.tests.support.TestServers;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The store contract against the real clickhouse-server started by ./ben test. */
class ClickHouseStoreIT extends AnalyticalStoreContract {

  @Override
  protected AnalyticalStore open() {
    return ClickHouseStore.open(TestServers.clickHouse("ben_it"), new ObjectMapper());
  }

  @Test
  void describesItselfAsExternal() {
    assertFalse(store.embedded());
    assertTrue(store.describe().startsWith("clickhouse http://127.0.0.1:"), store.describe());
    assertTrue(store.describe().endsWith("/ben_it"), store.describe());
  }

  @Test
  void anUnreachableServerIsRefusedSayingWhereItLooked() {
    StoreException e =
        assertThrows(
            StoreException.class,
            () ->
                ClickHouseStore.open(
                    TestServers.clickHouseAt(URI.create("http://127.0.0.1:1"), "ben"),
                    new ObjectMapper()));
    assertTrue(e.getMessage().contains("http://127.0.0.1:1"), e.getMessage());
  }
}
