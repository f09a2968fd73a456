package dev.ben.actors.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.contracts.backtest.Backtest;
import dev.ben.contracts.backtest.BacktestReport;
import dev.ben.contracts.model.ContractSet;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.spine.ContractSlot;
import dev.ben.streams.store.EmbeddedStore;
import dev.ben.streams.store.migrate.DataMigrator;
import dev.ben.streams.store.tables.RawEventTable;
import dev.ben.streams.store.tables.SchemaTableWriter;
import dev.ben.streams.testing.AuthProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** examples/auth's attack stored by v1 and replayed: progress after each page, then the report. */
class StoredReplayTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] KEY = new byte[32];

  @TempDir Path dir;
  private EmbeddedStore store;
  private final ContractSet v1 = AuthProject.v1();

  @BeforeEach
  void fill() throws Exception {
    store = EmbeddedStore.open(dir.resolve("store.duckdb"), JSON);
    DataMigrator migrator = new DataMigrator(store, JSON);
    ContractSlot slot = AuthProject.slot(v1, 1);
    SchemaTableWriter writer =
        new SchemaTableWriter(migrator, slot, RawEventTable.writer(migrator, JSON), JSON);
    List<String> attack = Files.readAllLines(examples().resolve("auth/events/attack.ndjson"));
    List<Envelope> batch = new ArrayList<>();
    for (int i = 0; i < attack.size(); i++) {
      batch.add(AuthProject.evaluated(slot, "e" + (100 + i), 1_000_000L + i, attack.get(i)));
    }
    writer.write(batch);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static Path examples() {
    Path dir = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(dir.resolve("examples/auth"))) {
      dir = dir.getParent();
    }
    return dir.resolve("examples");
  }

  @Test
  void progressFollowsEachPageAndTheReportComesLast() {
    Backtest backtest = new Backtest(v1, v1, "auth", KEY, Map.of(), 5);
    StoredReplay replay = new StoredReplay(backtest, v1, store, 0, Long.MAX_VALUE / 1000, 10);
    List<StoredReplay.Progress> progress = new ArrayList<>();
    StoredReplay.Step step = replay.next();
    while (step instanceof StoredReplay.Progress page) {
      progress.add(page);
      step = replay.next();
    }
    assertFalse(replay.hasNext());
    assertEquals(
        List.of(10L, 20L, 24L), progress.stream().map(StoredReplay.Progress::events).toList());
    assertEquals("login", progress.get(0).schema());
    assertTrue(progress.get(1).reachedSeconds() > progress.get(0).reachedSeconds());
    BacktestReport report = assertInstanceOf(StoredReplay.Done.class, step).report();
    assertEquals(24, report.events());
    assertEquals(1, report.count("playbook", "lockout", "fired").after());
  }
}
