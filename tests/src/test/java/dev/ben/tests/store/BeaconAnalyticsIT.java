package dev.ben.tests.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.spine.ContractSlot;
import dev.ben.streams.store.AnalyticalStore;
import dev.ben.streams.store.ClickHouseStore;
import dev.ben.streams.store.analytics.BeaconQuery;
import dev.ben.streams.store.migrate.DataMigrator;
import dev.ben.streams.store.tables.RawEventTable;
import dev.ben.streams.store.tables.SchemaTableWriter;
import dev.ben.streams.testing.WebProject;
import dev.ben.tests.support.TestServers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Web analytics of {@code examples/web}'s page views on ClickHouse 18.16, from beacons taken as the
 * beacon endpoint takes them: the statements the embedded store runs run here too, a batch stored
 * twice (a retry) counts once, and only the window's beacons count. Each run uses a database of its
 * own.
 */
class BeaconAnalyticsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long T0 = 1_714_557_600_000L;
  private static final List<BeaconQuery.Table> PAGE_VIEWS =
      List.of(new BeaconQuery.Table("page_views", true, true));

  private AnalyticalStore store;

  @BeforeEach
  void open() throws Exception {
    store = ClickHouseStore.open(TestServers.clickHouse(TestServers.unique("ben_beacons")), JSON);
    DataMigrator migrator = new DataMigrator(store, JSON);
    ContractSlot slot = WebProject.slot(1);
    SchemaTableWriter writer =
        new SchemaTableWriter(migrator, slot, RawEventTable.writer(migrator, JSON), JSON);
    String[] beacons = {
      page("/old", 200, "v-9", "https://old.example/"),
      page("/", 200, "v-1", "https://search.example/?q=shoes"),
      page("/", 200, "v-2", "https://search.example/?q=shoes"),
      page("/cart", 200, "v-1", null),
      page("/missing", 404, "v-3", "https://other.example/"),
      page("/", 200, "v-1", null),
    };
    List<Envelope> batch = new ArrayList<>();
    for (int i = 0; i < beacons.length; i++) {
      long received = i == 0 ? T0 - 60_000 : T0 + i * 1_000L;
      batch.add(WebProject.beacon(slot, "b" + i, received, beacons[i]));
    }
    writer.write(batch);
    writer.write(batch);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static String page(String path, int status, String visitor, String referrer) {
    return "{\"ts\": \"2024-05-01T10:00:00Z\", \"site\": \"shop\", \"path\": \""
        + path
        + "\", \"status\": "
        + status
        + ", \"user_agent\": \"Mozilla/5.0\", \"client_ip\": \"198.51.100.7\", \"visitor\": \""
        + visitor
        + "\""
        + (referrer == null ? "" : ", \"referrer\": \"" + referrer + "\"")
        + "}";
  }

  private static BeaconQuery.Count count(String value, long n) {
    return new BeaconQuery.Count(new TextNode(value), n);
  }

  @Test
  void theWindowsBeaconsAreCountedOnceAndRanked() {
    BeaconQuery.Figures figures = new BeaconQuery(store).read(PAGE_VIEWS, T0 / 1000, 10);
    assertEquals(5, figures.pageViews(), "the retried batch is counted once");
    assertEquals(3, figures.visits());
    assertEquals(List.of(count("/", 3), count("/cart", 1), count("/missing", 1)), figures.pages());
    assertEquals(
        List.of(count("https://search.example/?q=shoes", 2), count("https://other.example/", 1)),
        figures.referrers());
    assertEquals(
        List.of(
            new BeaconQuery.Count(IntNode.valueOf(200), 4),
            new BeaconQuery.Count(IntNode.valueOf(404), 1)),
        figures.statusCodes());
  }

  @Test
  void aTableNotCreatedYetCountsNothing() {
    assertEquals(
        new BeaconQuery.Figures(0, 0, List.of(), List.of(), List.of()),
        new BeaconQuery(store)
            .read(List.of(new BeaconQuery.Table("later_views", true, true)), T0 / 1000, 10));
  }

  @Test
  void rankingsAreCutAtTheTopAndAWiderWindowTakesTheOlderBeacon() {
    assertEquals(
        List.of(count("/", 3), count("/cart", 1)),
        new BeaconQuery(store).read(PAGE_VIEWS, T0 / 1000, 2).pages());
    BeaconQuery.Figures wider = new BeaconQuery(store).read(PAGE_VIEWS, T0 / 1000 - 120, 10);
    assertEquals(6, wider.pageViews());
    assertEquals(4, wider.visits());
  }
}
