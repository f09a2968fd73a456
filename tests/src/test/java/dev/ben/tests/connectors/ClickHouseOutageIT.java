package dev.ben.tests.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ben.streams.flow.BatchWriter;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.flow.Settlement;
import dev.ben.streams.flow.SpillBuffer;
import dev.ben.streams.flow.StoreStage;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageCounters.Outcome;
import dev.ben.streams.rocks.RocksIndex;
import dev.ben.streams.store.AnalyticalStore;
import dev.ben.streams.store.ClickHouseStore;
import dev.ben.streams.store.migrate.DataMigrator;
import dev.ben.streams.store.tables.RawEventTable;
import dev.ben.tests.support.TestServers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.testkit.javadsl.TestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store path through a real ClickHouse outage: the server is stopped mid-run and started again,
 * and every event is stored exactly once — batches the server could not take wait in the spill
 * buffer and drain when it is back.
 */
class ClickHouseOutageIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static ActorSystem system;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    system = ActorSystem.create("clickhouse-outage");
  }

  @AfterAll
  static void stop() throws Exception {
    // Whatever happened, leave ClickHouse running for the tests after this one.
    servers("start-clickhouse");
    TestKit.shutdownActorSystem(system);
  }

  @Test
  void anOutageMidRunLosesNoEventAndDuplicatesNone() throws Exception {
    String pipeline = TestServers.unique("outage");
    MetricsRegistry metrics = new MetricsRegistry();
    StageCounters counters = new StageCounters(metrics, pipeline, "store");
    try (AnalyticalStore store = ClickHouseStore.open(TestServers.clickHouse("ben_outage"), JSON);
        RocksIndex index = RocksIndex.open(dir)) {
      BatchWriter writer = RawEventTable.writer(new DataMigrator(store, JSON), JSON);
      BoundedSourceQueue<Envelope> events =
          Source.<Envelope>queue(4096)
              .to(
                  StoreStage.sink(
                      counters,
                      100,
                      Duration.ofMillis(50),
                      Duration.ofMillis(200),
                      writer,
                      new SpillBuffer(index, pipeline, 1 << 26, JSON),
                      Settlement.NONE,
                      Executors.newSingleThreadExecutor()))
              .run(system);

      offer(events, pipeline, 0, 500);
      await(() -> counters.total(Outcome.STORED) == 500, "the first 500 stored");
      servers("stop-clickhouse");
      offer(events, pipeline, 500, 1000);
      await(
          () -> counters.total(Outcome.SPILLED) > 0,
          "batches wait on disk while ClickHouse is down");
      servers("start-clickhouse");
      await(
          () -> counters.total(Outcome.STORED) == 1000,
          "every event stored once ClickHouse is back");
      events.complete();

      var rows =
          store
              .queryJson(
                  "SELECT count() AS stored, uniqExact(event_id) AS distinct_ids FROM "
                      + RawEventTable.TABLE
                      + " FINAL WHERE pipeline = '"
                      + pipeline
                      + "'")
              .get(0);
      assertEquals(1000, rows.get("stored").asLong(), "no event lost, none duplicated: " + rows);
      assertEquals(1000, rows.get("distinct_ids").asLong(), rows.toString());
      assertTrue(
          metrics.value("ben_store_write_failures_total", Labels.of("pipeline", pipeline)) > 0);
      assertEquals(0, counters.total(Outcome.REFUSED));
    }
  }

  private static void offer(BoundedSourceQueue<Envelope> queue, String pipeline, int from, int to) {
    for (int i = from; i < to; i++) {
      var body = JsonNodeFactory.instance.objectNode().put("n", i);
      assertEquals(
          org.apache.pekko.stream.QueueOfferResult.enqueued(),
          queue.offer(
              new Envelope(pipeline + "-" + i, pipeline, "app", System.currentTimeMillis(), body)));
    }
  }

  private static void await(BooleanSupplier condition, String what) {
    new TestKit(system)
        .awaitCond(Duration.ofSeconds(90), Duration.ofMillis(100), what, condition::getAsBoolean);
  }

  private static void servers(String command) throws Exception {
    Process process =
        new ProcessBuilder(Path.of("..", "scripts", "servers.sh").toString(), command)
            .inheritIO()
            .start();
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("scripts/servers.sh " + command + " failed");
    }
  }
}
