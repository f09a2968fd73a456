package dev.ben.streams.eventlog.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.config.EventLogSettings;
import dev.ben.streams.eventlog.BuiltInComponents;
import dev.ben.streams.eventlog.EventDraft;
import dev.ben.streams.eventlog.EventLog;
import dev.ben.streams.eventlog.EventSubjects;
import dev.ben.streams.eventlog.RocksEventLogStore;
import dev.ben.streams.eventlog.StoredEvent;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.testkit.javadsl.TestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventEmitterTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String BUNDLE = "sha256:" + "b".repeat(64);
  private static ActorSystem system;

  @TempDir Path dir;
  private final MetricsRegistry metrics = new MetricsRegistry();
  private final ExecutorService blocking = Executors.newCachedThreadPool();
  private FlakyStore store;
  private EventLog log;

  @BeforeAll
  static void startSystem() {
    system = ActorSystem.create("emitter");
  }

  @AfterAll
  static void stopSystem() {
    TestKit.shutdownActorSystem(system);
  }

  @AfterEach
  void close() {
    blocking.shutdownNow();
    store.close();
  }

  private static EventLogSettings settings(int queue, Duration retry) {
    return new EventLogSettings(
        Duration.ofSeconds(30),
        Duration.ofMinutes(10),
        4096,
        200,
        200,
        4096,
        100,
        "unused",
        "unused",
        "unused",
        queue,
        retry,
        Duration.ofMillis(5),
        Duration.ofMillis(40),
        Duration.ofMinutes(1),
        100);
  }

  private EventEmitter emitter(int queue, Duration retry) {
    EventLogSettings settings = settings(queue, retry);
    store = new FlakyStore(RocksEventLogStore.open(dir.resolve("eventlog"), Clock.systemUTC()));
    log = BuiltInComponents.logOn(store, settings, Clock.systemUTC());
    return EventEmitter.start(log, settings, metrics, Materializer.matFromSystem(system), blocking);
  }

  private static EventDraft staged(String bundle) {
    ObjectNode data = MAPPER.createObjectNode().put("bundle_id", bundle);
    return new EventDraft(
        "ledger.staged", "staged v1", data, null, EventSubjects.ofPipeline("auth", "1"));
  }

  private static EventDraft version(String type, String parent) {
    return new EventDraft(
        type,
        type + " v1",
        MAPPER.createObjectNode().put("version", 1),
        parent,
        EventSubjects.ofPipeline("auth", "1"));
  }

  private static void drained(EventEmitter emitter) throws Exception {
    emitter.stop().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  private List<StoredEvent> stored() {
    return log.read(BuiltInComponents.LEDGER, 0, Set.of(), 100);
  }

  private long dropped(String reason) {
    return metrics.value(EmitCounters.DROPPED, Labels.of("reason", reason));
  }

  private long published(String type) {
    return metrics.value(EmitCounters.PUBLISHED, Labels.of("type", type));
  }

  @Test
  void eventsArePublishedInOrderUnderTheirIdsWithTheirParents() throws Exception {
    EventEmitter emitter = emitter(100, Duration.ofSeconds(5));
    String staged = emitter.emit(BuiltInComponents.LEDGER, staged(BUNDLE));
    String deployed = emitter.emit(BuiltInComponents.LEDGER, version("ledger.deployed", staged));
    String activated =
        emitter.emit(BuiltInComponents.LEDGER, version("ledger.activated", deployed));
    drained(emitter);

    List<StoredEvent> events = stored();
    assertEquals(
        List.of(staged, deployed, activated), events.stream().map(StoredEvent::id).toList());
    assertNull(events.get(0).event().parentId());
    assertEquals(staged, events.get(1).event().parentId());
    assertEquals(deployed, events.get(2).event().parentId());
    assertEquals("ledger", events.get(2).event().source());
    assertEquals(1, published("ledger.activated"));
  }

  @Test
  void aFullQueueDropsWithoutWaitingAndCountsWhatItDropped() throws Exception {
    EventEmitter emitter = emitter(2, Duration.ofSeconds(5));
    store.gate = new CountDownLatch(1);
    int emitted = 10;
    for (int i = 0; i < emitted; i++) {
      emitter.emit(BuiltInComponents.LEDGER, staged(BUNDLE));
    }
    // At most one is with the store and two wait; the rest were dropped at once.
    assertTrue(dropped(EmitCounters.QUEUE_FULL) >= emitted - 3, "" + dropped("queue_full"));
    store.gate.countDown();
    drained(emitter);

    long kept = published("ledger.staged");
    assertEquals(emitted, kept + dropped(EmitCounters.QUEUE_FULL));
    assertEquals(kept, stored().size());
  }

  @Test
  void anUnavailableLogIsRetriedForTheConfiguredTimeThenTheEventIsCounted() throws Exception {
    EventEmitter emitter = emitter(100, Duration.ofSeconds(1));
    store.failing.set(Integer.MAX_VALUE);
    emitter.emit(BuiltInComponents.LEDGER, staged(BUNDLE));
    drained(emitter);

    assertEquals(1, dropped(EmitCounters.UNAVAILABLE));
    // At least one retry after the first attempt; how many fit in the window depends on the load.
    assertTrue(store.appends.get() > 1, "retried " + (store.appends.get() - 1) + " times");
    assertEquals(0, published("ledger.staged"));
  }

  @Test
  void aRetryAfterAnOutageOrALostAnswerRecordsTheEventOnceAndKeepsTheOrder() throws Exception {
    EventEmitter emitter = emitter(100, Duration.ofSeconds(10));
    store.failing.set(3);
    String staged = emitter.emit(BuiltInComponents.LEDGER, staged(BUNDLE));
    String deployed = emitter.emit(BuiltInComponents.LEDGER, version("ledger.deployed", staged));
    drained(emitter);
    assertEquals(List.of(staged, deployed), stored().stream().map(StoredEvent::id).toList());

    store.close();
    EventEmitter again = emitter(100, Duration.ofSeconds(10));
    store.answerLost = true;
    String lost = again.emit(BuiltInComponents.LEDGER, staged(BUNDLE));
    drained(again);
    assertEquals(List.of(staged, deployed, lost), stored().stream().map(StoredEvent::id).toList());
    assertEquals(0, dropped(EmitCounters.UNAVAILABLE));
  }

  @Test
  void aRefusedDraftIsDroppedAndCountedAndTheNextOnesStillGo() throws Exception {
    EventEmitter emitter = emitter(100, Duration.ofSeconds(5));
    emitter.emit(BuiltInComponents.LEDGER, staged("not a bundle id"));
    emitter.emit(BuiltInComponents.LEDGER, version("playbook.fired", null));
    String good = emitter.emit(BuiltInComponents.LEDGER, staged(BUNDLE));
    drained(emitter);

    assertEquals(2, dropped(EmitCounters.INVALID));
    assertEquals(List.of(good), stored().stream().map(StoredEvent::id).toList());
  }

  @Test
  void anEventWhoseParentNeverReachedTheLogIsRecordedAsARoot() throws Exception {
    EventEmitter emitter = emitter(100, Duration.ofSeconds(5));
    String orphan = emitter.emit(BuiltInComponents.LEDGER, version("ledger.deployed", log.newId()));
    drained(emitter);

    StoredEvent stored = log.get(orphan).orElseThrow();
    assertNull(stored.event().parentId());
  }

  @Test
  void afterStopNothingIsTakenAndItIsCounted() throws Exception {
    EventEmitter emitter = emitter(100, Duration.ofSeconds(5));
    drained(emitter);
    emitter.emit(BuiltInComponents.LEDGER, staged(BUNDLE));
    assertEquals(1, dropped(EmitCounters.STOPPED));
  }
}
