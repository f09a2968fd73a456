package dev.ben.streams.store.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.backtest.Backtest;
import dev.ben.contracts.backtest.BacktestReport;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.model.Schema;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.spine.ContractSlot;
import dev.ben.streams.store.EmbeddedStore;
import dev.ben.streams.store.migrate.DataMigrator;
import dev.ben.streams.store.tables.RawEventTable;
import dev.ben.streams.store.tables.SchemaTableWriter;
import dev.ben.streams.testing.AuthProject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/auth's attack stored in the embedded store in the reverse order of its events, read back
 * for replay: in event-time order, a page at a time, each row as its translator reads it.
 */
class StoredEventPagesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long ELEVEN_O_CLOCK = Instant.parse("2024-05-01T11:00:00Z").getEpochSecond();

  @TempDir Path dir;
  private EmbeddedStore store;
  private List<String> attack;
  private final ContractSet v1 = AuthProject.v1();

  @BeforeEach
  void fill() throws Exception {
    store = EmbeddedStore.open(dir.resolve("store.duckdb"), JSON);
    DataMigrator migrator = new DataMigrator(store, JSON);
    ContractSlot slot = AuthProject.slot(v1, 1);
    SchemaTableWriter writer =
        new SchemaTableWriter(migrator, slot, RawEventTable.writer(migrator, JSON), JSON);
    attack = Files.readAllLines(attackFile(), StandardCharsets.UTF_8);
    List<Envelope> batch = new ArrayList<>();
    for (int i = 0; i < attack.size(); i++) {
      // Received newest first, so the order read back can only come from the events' times.
      long received = 2_000_000_000L - i * 1_000L;
      batch.add(AuthProject.evaluated(slot, String.format("e%02d", i), received, attack.get(i)));
    }
    writer.write(batch);
  }

  private static Path attackFile() {
    Path dir = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(dir.resolve("examples/auth"))) {
      dir = dir.getParent();
    }
    return dir.resolve("examples/auth/events/attack.ndjson");
  }

  @AfterEach
  void close() {
    store.close();
  }

  private Schema login() {
    return v1.schema("login").orElseThrow();
  }

  private List<StoredEventPages.StoredEvent> readAll(StoredEventPages pages) {
    List<StoredEventPages.StoredEvent> all = new ArrayList<>();
    StoredEventPages.Position after = null;
    int reads = 0;
    do {
      StoredEventPages.Page page = pages.read(after);
      all.addAll(page.events());
      after = page.next().orElse(null);
      reads++;
    } while (after != null);
    assertTrue(reads > 1, "read in more than one page");
    return all;
  }

  @Test
  void eventsComeBackInEventTimeOrderPageByPage() {
    var events = readAll(new StoredEventPages(store, login(), 0, Long.MAX_VALUE / 2, 5));
    assertEquals(attack.size(), events.size());
    for (int i = 0; i < events.size(); i++) {
      assertEquals(String.format("e%02d", i), events.get(i).eventId());
      assertEquals(ELEVEN_O_CLOCK + 5L * i, events.get(i).timeSeconds());
    }
  }

  @Test
  void theRangeIsOnEventTime() {
    var events =
        readAll(new StoredEventPages(store, login(), ELEVEN_O_CLOCK + 10, ELEVEN_O_CLOCK + 60, 3));
    assertEquals(
        List.of("e02", "e03", "e04", "e05", "e06", "e07", "e08", "e09", "e10", "e11"),
        events.stream().map(StoredEventPages.StoredEvent::eventId).toList());
  }

  @Test
  void aRowReadsBackAsItsEventWithRedactedFieldsAsStored() throws Exception {
    ObjectNode body =
        new StoredEventPages(store, login(), 0, Long.MAX_VALUE / 2, 1)
            .read(null)
            .events()
            .get(0)
            .body();
    ObjectNode original = (ObjectNode) JSON.readTree(attack.get(0));
    assertEquals("2024-05-01T11:00:00Z", body.get("ts").asText());
    assertEquals(original.get("attempts").asLong(), body.get("attempts").asLong());
    assertEquals(original.get("ip"), body.get("ip"));
    assertEquals(original.get("country"), body.get("country"));
    assertNotEquals(original.get("email"), body.get("email"));
    assertTrue(body.get("card") == null, body.toString());
  }

  @Test
  void replayingStoredEventsCountsWhatReplayingTheOriginalsCounts() {
    byte[] key = new byte[32];
    Backtest stored = new Backtest(v1, v1, "auth", key, Backtest.redactedFields(v1, "auth"), 5);
    readAll(new StoredEventPages(store, login(), 0, Long.MAX_VALUE / 2, 7))
        .forEach(e -> stored.replay("login", e.eventId(), e.body().toString()));
    Backtest clear = new Backtest(v1, v1, "auth", key, Map.of(), 5);
    for (int i = 0; i < attack.size(); i++) {
      clear.replay("login", "e" + i, attack.get(i));
    }
    BacktestReport fromStore = stored.report();
    assertEquals(clear.report().counts(), fromStore.counts());
    assertEquals(1, fromStore.count("playbook", "lockout", "fired").before());
  }
}
