package dev.ben.streams.store.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.spine.ContractSlot;
import dev.ben.streams.store.EmbeddedStore;
import dev.ben.streams.store.migrate.DataMigrator;
import dev.ben.streams.store.tables.RawEventTable;
import dev.ben.streams.store.tables.SchemaTableWriter;
import dev.ben.streams.testing.AuthProject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replica follows its table by watermark, pages through rows sharing a second, and reports its
 * lag.
 */
class ReplicaKeeperTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EVENT =
      "{\"ts\": \"2024-05-01T10:00:00Z\", \"tenant\": \"acme\", \"user\": \"u\", "
          + "\"ip\": \"198.51.100.7\", \"attempts\": 1, \"card\": \"4111111111111111\"}";

  @TempDir Path dir;
  private EmbeddedStore store;
  private DataMigrator migrator;
  private SchemaTableWriter writer;
  private ContractSlot slot;

  @BeforeEach
  void open() {
    store = EmbeddedStore.open(dir.resolve("store.duckdb"), JSON);
    migrator = new DataMigrator(store, JSON);
    slot = AuthProject.slot(AuthProject.v1(), 1);
    writer = new SchemaTableWriter(migrator, slot, RawEventTable.writer(migrator, JSON), JSON);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private void write(String prefix, int count, long receivedAtMillis) throws Exception {
    List<Envelope> batch = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      batch.add(AuthProject.evaluated(slot, prefix + i, receivedAtMillis, EVENT));
    }
    writer.write(batch);
  }

  private long count(String table) {
    return store.queryJson("SELECT count(*) AS n FROM " + table).get(0).get("n").asLong();
  }

  @Test
  void theReplicaCatchesUpAPageARoundThroughRowsSharingASecondAndReportsItsLag() throws Exception {
    MetricsRegistry metrics = new MetricsRegistry();
    ReplicaKeeper keeper = new ReplicaKeeper(migrator, metrics, 3);
    assertEquals(-1, keeper.lagSeconds("logins"), "no round yet");
    write("a", 5, 1_000_000);
    write("b", 1, 1_040_000);
    assertEquals(3, keeper.round());
    assertEquals(3, count("logins_replica"), "the copy stops at the page's last row");
    assertEquals(
        40, keeper.lagSeconds("logins"), "the replica's newest row is 40 s older than the table's");
    assertEquals(40, metrics.value(ReplicaKeeper.LAG, Labels.of("table", "logins")));
    assertTrue(keeper.behind(), "a full page: more rows wait");
    assertEquals(3, keeper.round(), "the other two rows of that second, then the next");
    assertEquals(0, metrics.value(ReplicaKeeper.LAG, Labels.of("table", "logins")));
    assertEquals(0, keeper.round());
    assertFalse(keeper.behind());
    assertEquals(6, count("logins_replica"));
    assertEquals(
        "************1111",
        store
            .queryJson("SELECT card FROM logins_replica WHERE event_id = 'b0'")
            .get(0)
            .get("card")
            .asText(),
        "the replica holds the redacted value");
  }

  @Test
  void aFedReplicaIsCopiedOnlyUpToItsFeedsSecondThenNotReadAgain() throws Exception {
    write("a", 5, 1_000_000);
    write("b", 1, 1_040_000);
    // The embedded store cannot feed a replica; the record of one made at 00:17:00 stands in for
    // ClickHouse's (SchemaTablesIT shows the feed itself): rows after that second came through it.
    store.execute(
        "INSERT INTO ben_migrations VALUES ('login', 1, 'f', 3, 'CREATE MATERIALIZED VIEW IF NOT"
            + " EXISTS `logins_replica_feed` TO `logins_replica` AS SELECT * FROM `logins`',"
            + " '1970-01-01 00:17:00', 'applied')");
    MetricsRegistry metrics = new MetricsRegistry();
    ReplicaKeeper keeper = new ReplicaKeeper(migrator, metrics, 3);
    assertEquals(3, keeper.round());
    assertEquals(40, keeper.lagSeconds("logins"), "behind while it copies what predates the feed");
    assertEquals(2, keeper.round(), "the rest of 00:16:40; 00:17:20 came through the feed");
    assertEquals(0, keeper.lagSeconds("logins"));
    write("c", 4, 1_060_000);
    assertEquals(0, keeper.round(), "settled: the table is not read again");
    assertEquals(5, count("logins_replica"));
    assertEquals(0, metrics.value(ReplicaKeeper.LAG, Labels.of("table", "logins")));

    ReplicaKeeper restarted = new ReplicaKeeper(migrator, new MetricsRegistry(), 3);
    assertEquals(0, restarted.round(), "it starts after the replica's newest row before the feed");
    assertEquals(0, restarted.lagSeconds("logins"));
  }

  @Test
  void rowsTwoKeepersBothCopyAreStoredOnce() throws Exception {
    // Two edge nodes on one store each run a keeper; both started before any row was stored.
    migrator.apply(AuthProject.v1());
    ReplicaKeeper one = new ReplicaKeeper(migrator, new MetricsRegistry(), 100);
    ReplicaKeeper other = new ReplicaKeeper(migrator, new MetricsRegistry(), 100);
    assertEquals(0, one.round() + other.round());
    write("a", 3, 1_000_000);
    assertEquals(3, one.round());
    assertEquals(3, other.round(), "the other keeper copies the same rows again");
    assertEquals(3, count("logins_replica"));
  }

  @Test
  void aRestartedKeeperResumesFromTheReplicasNewestRow() throws Exception {
    write("a", 2, 1_000_000);
    new ReplicaKeeper(migrator, new MetricsRegistry(), 100).round();
    write("b", 1, 1_045_000);
    ReplicaKeeper restarted = new ReplicaKeeper(migrator, new MetricsRegistry(), 100);
    assertEquals(1, restarted.round(), "only the row past the replica's newest is copied");
    assertEquals(3, count("logins_replica"));
    assertEquals(0, restarted.lagSeconds("logins"));
  }
}
