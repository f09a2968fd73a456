package dev.ben.streams.store.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.config.ConnectorSettings.ClickHouseSettings;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.spine.ContractSlot;
import dev.ben.streams.store.AnalyticalStore;
import dev.ben.streams.store.ClickHouseStore;
import dev.ben.streams.store.EmbeddedStore;
import dev.ben.streams.store.migrate.DataMigrator;
import dev.ben.streams.store.tables.RawEventTable;
import dev.ben.streams.store.tables.SchemaTableWriter;
import dev.ben.streams.testing.AuthProject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * CPU the replica's copy costs per 1,000 rows, before (the page through the JVM as JSON, {@link
 * LegacyReplicaRound}) and after ({@link ReplicaKeeper}), interleaved A, B, A, B on the same table
 * of examples/auth rows. A measurement, not a gate: run with {@code -Dben.measure=true}; ClickHouse
 * too with {@code BEN_TEST_CLICKHOUSE_URL} set and {@code -Dben.measure.clickhouse.pid=<pid>}
 * naming the server's process, whose CPU is read from /proc.
 */
@EnabledIfSystemProperty(named = "ben.measure", matches = "true")
class ReplicaCopyMeasure {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ROWS = Integer.getInteger("ben.measure.rows", 20_000);
  private static final int PAGE_ROWS = 2_000;
  private static final int PAIRS = Integer.getInteger("ben.measure.pairs", 5);
  private static final int IDLE_ROUNDS = 50;
  private static final long T0 = 1_714_557_600_000L;

  @TempDir Path dir;

  @Test
  void embedded() throws Exception {
    try (AnalyticalStore store = EmbeddedStore.open(dir.resolve("m.duckdb"), JSON)) {
      measure("embedded", store, () -> recreate(store), () -> 0);
    }
  }

  @Test
  void clickHouse() throws Exception {
    String url = System.getenv("BEN_TEST_CLICKHOUSE_URL");
    String pid = System.getProperty("ben.measure.clickhouse.pid");
    if (url == null || pid == null) {
      System.out.println(
          "clickhouse: skipped (BEN_TEST_CLICKHOUSE_URL, ben.measure.clickhouse.pid)");
      return;
    }
    String database = "ben_replica_measure_" + Long.toString(System.nanoTime(), 36);
    ClickHouseSettings settings =
        new ClickHouseSettings(
            URI.create(url),
            "default",
            "",
            database,
            Duration.ofSeconds(5),
            Duration.ofSeconds(60));
    try (AnalyticalStore store = ClickHouseStore.open(settings, JSON)) {
      measure(
          "clickhouse",
          store,
          () -> store.execute("TRUNCATE TABLE logins_replica"),
          () -> serverTicks(pid));
      store.execute("DROP DATABASE " + database);
    }
  }

  /**
   * DuckDB's replica made anew rather than emptied: rows deleted from a keyed table stay in its
   * index until a checkpoint and would slow every later trial's inserts.
   */
  private static void recreate(AnalyticalStore store) {
    String ddl =
        store
            .queryJson("SELECT sql FROM duckdb_tables() WHERE table_name = 'logins_replica'")
            .get(0)
            .get("sql")
            .asText();
    store.execute("DROP TABLE logins_replica");
    store.execute(ddl);
  }

  private void measure(String name, AnalyticalStore store, Runnable empty, LongSupplier serverTicks)
      throws Exception {
    DataMigrator migrator = new DataMigrator(store, JSON);
    fill(migrator);
    for (int pair = -1; pair < PAIRS; pair++) {
      // Pair -1 warms the JIT and the store's caches up and is not reported.
      for (boolean after : new boolean[] {false, true}) {
        empty.run();
        LongSupplier round =
            after
                ? new ReplicaKeeper(migrator, new MetricsRegistry(), PAGE_ROWS)::round
                : new LegacyReplicaRound(store, "logins", PAGE_ROWS)::round;
        Cpu cpu = Cpu.now(serverTicks);
        long copied = 0;
        for (long rows = round.getAsLong(); rows > 0; rows = round.getAsLong()) {
          copied += rows;
        }
        Cpu used = Cpu.now(serverTicks).minus(cpu);
        assertEquals(ROWS, copied);
        assertEquals(
            ROWS,
            store
                .queryJson("SELECT count() AS n FROM logins_replica FINAL")
                .get(0)
                .get("n")
                .asLong());
        Cpu idleStart = Cpu.now(serverTicks);
        for (int i = 0; i < IDLE_ROUNDS; i++) {
          assertEquals(0, round.getAsLong());
        }
        Cpu idle = Cpu.now(serverTicks).minus(idleStart);
        if (pair >= 0) {
          System.out.printf(
              "%s %s: per 1,000 rows: thread %.1f ms, process %.1f ms, server %.1f ms;"
                  + " per idle round: process %.2f ms, server %.2f ms%n",
              name,
              after ? "after " : "before",
              used.threadNanos / 1e3 / copied,
              used.processNanos / 1e3 / copied,
              used.serverTicks * 10_000.0 / copied,
              idle.processNanos / 1e6 / IDLE_ROUNDS,
              idle.serverTicks * 10.0 / IDLE_ROUNDS);
        }
      }
    }
  }

  private static void fill(DataMigrator migrator) throws Exception {
    ContractSlot slot = AuthProject.slot(AuthProject.v1(), 1);
    SchemaTableWriter writer =
        new SchemaTableWriter(migrator, slot, RawEventTable.writer(migrator, JSON), JSON);
    List<Envelope> batch = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      String event =
          "{\"ts\": \"2024-05-01T10:00:00Z\", \"tenant\": \"acme\", \"user\": \"u"
              + (i % 500)
              + "\", \"ip\": \"198.51.100."
              + (i % 250)
              + "\", \"attempts\": "
              + (i % 7)
              + ", \"card\": \"4111111111111111\"}";
      // 200 events a second, as a node taking 2,000 invocations/s spreads them over its tables.
      batch.add(AuthProject.evaluated(slot, "evt-" + i, T0 + i * 5L, event));
      if (batch.size() == 1_000) {
        writer.write(batch);
        batch.clear();
      }
    }
    writer.write(batch);
  }

  /** CPU so far: this thread's, this process's, and the server's in clock ticks (1/100 s). */
  private record Cpu(long threadNanos, long processNanos, long serverTicks) {

    static Cpu now(LongSupplier serverTicks) {
      return new Cpu(
          ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime(),
          ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
              .getProcessCpuTime(),
          serverTicks.getAsLong());
    }

    Cpu minus(Cpu earlier) {
      return new Cpu(
          threadNanos - earlier.threadNanos,
          processNanos - earlier.processNanos,
          serverTicks - earlier.serverTicks);
    }
  }

  /** utime + stime of a process, fields 14 and 15 of /proc/<pid>/stat. */
  private static long serverTicks(String pid) {
    try {
      String stat = Files.readString(Path.of("/proc", pid, "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
