package dev.ben.actors.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.typesafe.config.ConfigFactory;
import dev.ben.actors.testing.ActorTestBase;
import dev.ben.config.EventLogSettings;
import dev.ben.streams.eventlog.BuiltInComponents;
import dev.ben.streams.eventlog.EventLog;
import dev.ben.streams.eventlog.RocksEventLogStore;
import dev.ben.streams.eventlog.StoredEvent;
import dev.ben.streams.eventlog.emit.EventEmitter;
import dev.ben.streams.metrics.MetricsRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.stream.Materializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every step the ledger emits is an event its type's schema accepts, under the id the ledger
 * recorded it with, hanging under the step that caused it.
 */
class LedgerEmitterTest extends ActorTestBase {

  @TempDir Path dir;

  @Test
  void eachStepIsAcceptedUnderItsIdWithItsParent() throws Exception {
    EventLogSettings settings = EventLogSettings.fromConfig(ConfigFactory.defaultReference());
    var executor = Executors.newSingleThreadExecutor();
    try (RocksEventLogStore store =
        RocksEventLogStore.open(dir.resolve("eventlog"), Clock.systemUTC())) {
      EventLog log = BuiltInComponents.logOn(store, settings, Clock.systemUTC());
      EventEmitter emitter =
          EventEmitter.start(
              log,
              settings,
              new MetricsRegistry(),
              Materializer.matFromSystem(testKit.system()),
              executor);
      LedgerEmitter ledger = new LedgerEmitter(emitter);
      String staged = ledger.newId();
      ledger.staged(staged, "auth", 2, "sha256:" + "c".repeat(64), "auth-key", "alice");
      String rollback = ledger.newId();
      ledger.began(rollback, staged, true, "auth", 2, 3, List.of("node-1/auth"), "bob");
      String acked = ledger.newId();
      ledger.acked(acked, rollback, "auth", 2, "node-1/auth");
      String failed = ledger.newId();
      ledger.activationFailed(failed, rollback, "auth", 2, "node-2 did not ack", List.of("n2"));
      String paused = ledger.newId();
      ledger.lifecycleChanged(paused, "auth", 3, "published", "paused", "carol");
      emitter.stop().toCompletableFuture().get(20, TimeUnit.SECONDS);

      List<StoredEvent> events = log.read(BuiltInComponents.LEDGER, 0, Set.of(), 100);
      assertEquals(
          List.of(staged, rollback, acked, failed, paused),
          events.stream().map(StoredEvent::id).toList());
      assertEquals("ledger.rolled_back", events.get(1).type());
      assertEquals(staged, events.get(1).event().parentId());
      assertEquals(3, events.get(1).event().data().get("from_version").asLong());
      assertEquals(rollback, events.get(3).event().parentId());
      assertEquals("carol", events.get(4).event().data().get("changed_by").asText());
    } finally {
      executor.shutdown();
    }
  }

  @Test
  void withoutAnEmitterIdsAreStillUnique() {
    assertNotEquals(LedgerEmitter.NONE.newId(), LedgerEmitter.NONE.newId());
  }
}
