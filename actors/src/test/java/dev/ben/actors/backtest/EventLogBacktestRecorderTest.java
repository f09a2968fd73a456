package dev.ben.actors.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.ben.config.EventLogSettings;
import dev.ben.contracts.backtest.BacktestReport;
import dev.ben.streams.eventlog.Component;
import dev.ben.streams.eventlog.Components;
import dev.ben.streams.eventlog.EventLog;
import dev.ben.streams.eventlog.EventTypes;
import dev.ben.streams.eventlog.LogEvent;
import dev.ben.streams.eventlog.RocksEventLogStore;
import dev.ben.streams.eventlog.StoredEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A finished run recorded as a {@code backtest.run} event its type's schema accepts. */
class EventLogBacktestRecorderTest {

  private static final BacktestReport REPORT =
      new BacktestReport("auth", "v1", "v2", 24, List.of(), 8, List.of(), List.of());

  @TempDir Path dir;
  private RocksEventLogStore store;
  private EventLog log;

  @BeforeEach
  void open() {
    store = RocksEventLogStore.open(dir, Clock.systemUTC());
    EventLogSettings settings =
        EventLogSettings.fromConfig(ConfigFactory.defaultReference().resolve());
    EventTypes types = EventTypes.builtIn(settings);
    Components components = new Components(types);
    components.register(new Component("control", Set.of("backtest.run"), Set.of()));
    components.register(new Component("reader", Set.of(), Set.of()));
    log = new EventLog(store, types, components, settings, Clock.systemUTC());
  }

  @AfterEach
  void close() {
    store.close();
  }

  private List<StoredEvent> recorded() {
    return log.read("reader", 0, Set.of("backtest.run"), 10);
  }

  @Test
  void aRunIsRecordedWithItsVersionsCountsRangeAndWhoAsked() {
    new EventLogBacktestRecorder(log, "control")
        .record(
            new BacktestRecorder.Run(
                "alice", "auth", 1, 2, Instant.parse("2024-05-01T00:00:00Z"), null, REPORT));
    List<StoredEvent> events = recorded();
    assertEquals(1, events.size());
    LogEvent event = events.get(0).event();
    assertEquals("control", event.source());
    assertEquals("auth", event.subjects().pipeline());
    assertEquals(2, event.data().get("candidate_version").asLong());
    assertEquals(1, event.data().get("active_version").asLong());
    assertEquals(24, event.data().get("events").asLong());
    assertEquals(8, event.data().get("changed").asLong());
    assertEquals("2024-05-01T00:00:00Z", event.data().get("from").asText());
    assertFalse(event.data().has("to"));
    assertTrue(event.entry().startsWith("alice backtested auth v2 against v1"), event.entry());
  }

  @Test
  void aLogThatRefusesLosesTheRecordNotTheRun() {
    new EventLogBacktestRecorder(log, "stranger")
        .record(new BacktestRecorder.Run("alice", "auth", 1, 2, Instant.EPOCH, null, REPORT));
    assertTrue(recorded().isEmpty());
  }
}
