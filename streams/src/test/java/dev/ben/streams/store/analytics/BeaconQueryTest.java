package dev.ben.streams.store.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.spine.ContractSlot;
import dev.ben.streams.store.EmbeddedStore;
import dev.ben.streams.store.migrate.DataMigrator;
import dev.ben.streams.store.tables.RawEventTable;
import dev.ben.streams.store.tables.SchemaTableWriter;
import dev.ben.streams.testing.WebProject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Web analytics of {@code examples/web}'s page views on the embedded store, from beacons taken as
 * the beacon endpoint takes them: only events received within the window count, visits are distinct
 * visitors, and each ranking is cut at its top.
 */
class BeaconQueryTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final long T0 = 1_714_557_600_000L;
  static final List<BeaconQuery.Table> PAGE_VIEWS =
      List.of(new BeaconQuery.Table("page_views", true, true));

  @TempDir Path dir;
  private EmbeddedStore store;

  @BeforeEach
  void fill() throws Exception {
    store = EmbeddedStore.open(dir.resolve("store.duckdb"), JSON);
    write(store);
  }

  @AfterEach
  void close() {
    store.close();
  }

  /** Five beacons within the window (from T0) by three visitors, and one older. */
  static void write(dev.ben.streams.store.AnalyticalStore store) throws Exception {
    DataMigrator migrator = new DataMigrator(store, JSON);
    ContractSlot slot = WebProject.slot(1);
    SchemaTableWriter writer =
        new SchemaTableWriter(migrator, slot, RawEventTable.writer(migrator, JSON), JSON);
    String[] beacons = {
      page("/old", 200, "v-9", "https://old.example/") + "}",
      page("/", 200, "v-1", "https://search.example/?q=shoes") + "}",
      page("/", 200, "v-2", "https://search.example/?q=shoes") + "}",
      page("/cart", 200, "v-1", null) + "}",
      page("/missing", 404, "v-3", "https://other.example/") + "}",
      page("/", 200, "v-1", null) + "}",
    };
    List<Envelope> batch = new ArrayList<>();
    for (int i = 0; i < beacons.length; i++) {
      long received = i == 0 ? T0 - 60_000 : T0 + i * 1_000L;
      batch.add(WebProject.beacon(slot, "b" + i, received, beacons[i]));
    }
    writer.write(batch);
  }

  private static String page(String path, int status, String visitor, String referrer) {
    return "{\"ts\": \"2024-05-01T10:00:00Z\", \"site\": \"shop\", \"path\": \""
        + path
        + "\", \"status\": "
        + status
        + ", \"user_agent\": \"Mozilla/5.0\", \"client_ip\": \"198.51.100.7\", \"visitor\": \""
        + visitor
        + "\""
        + (referrer == null ? "" : ", \"referrer\": \"" + referrer + "\"");
  }

  private static BeaconQuery.Count count(String value, long n) {
    return new BeaconQuery.Count(new TextNode(value), n);
  }

  @Test
  void theWindowsBeaconsAreCountedAndRanked() {
    BeaconQuery.Figures figures = new BeaconQuery(store).read(PAGE_VIEWS, T0 / 1000, 10);
    assertEquals(5, figures.pageViews());
    assertEquals(3, figures.visits(), "v-1, v-2 and v-3, by their keyed hashes");
    assertEquals(List.of(count("/", 3), count("/cart", 1), count("/missing", 1)), figures.pages());
    assertEquals(
        List.of(count("https://search.example/?q=shoes", 2), count("https://other.example/", 1)),
        figures.referrers(),
        "beacons without a referrer are not ranked");
    assertEquals(
        List.of(
            new BeaconQuery.Count(IntNode.valueOf(200), 4),
            new BeaconQuery.Count(IntNode.valueOf(404), 1)),
        figures.statusCodes());
  }

  @Test
  void eachRankingIsCutAtTheTopTiesByValue() {
    BeaconQuery.Figures figures = new BeaconQuery(store).read(PAGE_VIEWS, T0 / 1000, 2);
    assertEquals(List.of(count("/", 3), count("/cart", 1)), figures.pages());
    assertEquals(2, figures.statusCodes().size());
  }

  @Test
  void aWiderWindowTakesTheOlderBeaconToo() {
    BeaconQuery.Figures figures = new BeaconQuery(store).read(PAGE_VIEWS, T0 / 1000 - 120, 10);
    assertEquals(6, figures.pageViews());
    assertEquals(4, figures.visits());
  }

  @Test
  void aTableWithoutVisitorsCountsPageViewsAsVisitsAndOneWithoutReferrersRanksNone() {
    BeaconQuery.Figures figures =
        new BeaconQuery(store)
            .read(List.of(new BeaconQuery.Table("page_views", false, false)), T0 / 1000, 10);
    assertEquals(5, figures.visits());
    assertEquals(List.of(), figures.referrers());
  }

  @Test
  void aTableNotCreatedYetCountsNothing() {
    BeaconQuery.Figures figures =
        new BeaconQuery(store)
            .read(
                List.of(
                    new BeaconQuery.Table("page_views", true, true),
                    new BeaconQuery.Table("later_views", true, true)),
                T0 / 1000,
                10);
    assertEquals(5, figures.pageViews());
    assertEquals(
        new BeaconQuery.Figures(0, 0, List.of(), List.of(), List.of()),
        new BeaconQuery(store)
            .read(List.of(new BeaconQuery.Table("later_views", true, true)), T0 / 1000, 10));
  }

  @Test
  void rankingsOfSeveralTablesAreAddedUpAndCut() {
    assertEquals(
        List.of(count("/", 5), count("/a", 2)),
        BeaconQuery.merged(
            List.of(
                List.of(count("/", 3), count("/b", 1)),
                List.of(count("/a", 2), count("/", 2), count("/c", 1))),
            2));
  }
}
