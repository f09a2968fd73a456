package dev.ben.streams.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.config.EventLogSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * What every event log store must do, seen through {@link EventLog}, run against RocksDB ({@code
 * RocksEventLogStoreTest}) and NATS ({@code NatsEventLogStoreIT} in the tests module, which reaches
 * this class through the streams test jar; the test methods are public for that reason). Time is a
 * {@link MovableClock}: leases pass when a test moves it.
 */
public abstract class EventLogContract {

  protected static final Duration LEASE = Duration.ofSeconds(30);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String BUNDLE = "sha256:" + "a".repeat(64);
  private static final Set<String> STAGED = Set.of("ledger.staged");

  protected final MovableClock clock = new MovableClock(Instant.parse("2026-12-05T10:00:00Z"));
  protected EventLogStore store;
  protected EventLog log;

  /** A fresh store for this test, on storage no other test uses, measuring leases on the clock. */
  protected abstract EventLogStore create();

  /** Another store on the same storage, after {@link #store} was closed (a restarted node). */
  protected abstract EventLogStore reopen();

  /** A store on the same storage for a second claimer: another node with NATS, else the same. */
  protected EventLogStore sibling() {
    return store;
  }

  /** Small bounds, so tests reach them cheaply. */
  public static EventLogSettings settings(String stream, String subject, String bucket) {
    return new EventLogSettings(
        LEASE,
        Duration.ofMinutes(10),
        1024,
        80,
        40,
        4096,
        100,
        stream,
        subject,
        bucket,
        100,
        Duration.ofSeconds(1),
        Duration.ofMillis(10),
        Duration.ofMillis(100),
        Duration.ofMinutes(1),
        100);
  }

  @BeforeEach
  void openLog() {
    store = create();
    log = logOn(store);
  }

  @AfterEach
  void closeLog() {
    store.close();
  }

  private EventLog logOn(EventLogStore on) {
    EventTypes types = EventTypes.builtIn(settings("unused", "unused", "unused"));
    Components components = new Components(types);
    components.register(
        new Component(
            "ledger", Set.of("ledger.staged", "ledger.deployed", "ledger.acked"), Set.of()));
    components.register(new Component("auditor", Set.of(), STAGED));
    components.register(
        new Component("notifier", Set.of(), Set.of("ledger.staged", "ledger.acked")));
    components.register(new Component("reader", Set.of(), Set.of()));
    return new EventLog(on, types, components, settings("unused", "unused", "unused"), clock);
  }

  private static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static EventDraft staged(String entry) {
    return EventDraft.of("ledger.staged", entry, json("{\"bundle_id\":\"" + BUNDLE + "\"}"))
        .withSubjects(EventSubjects.ofPipeline("auth", "3"));
  }

  private static EventDraft deployed(String parent) {
    return EventDraft.of("ledger.deployed", "deployed v3", json("{\"version\":3}"))
        .withParent(parent);
  }

  private StoredEvent publish(EventDraft draft) {
    return log.publish("ledger", draft);
  }

  private static EventRefusedException refused(EventRefusedException.Kind kind, Executable call) {
    EventRefusedException e = assertThrows(EventRefusedException.class, call);
    assertEquals(kind, e.kind(), e.getMessage());
    return e;
  }

  private static List<String> ids(List<StoredEvent> events) {
    return events.stream().map(StoredEvent::id).toList();
  }

  private static List<String> claimedIds(List<Claim> claims) {
    return claims.stream().map(c -> c.event().id()).toList();
  }

  @Test
  public void appendedEventsReadBackInOrderStampedByTheLog() {
    StoredEvent first = publish(staged("staged v3"));
    clock.advance(Duration.ofMillis(5));
    StoredEvent second = publish(deployed(first.id()));
    StoredEvent third = publish(staged("staged v4"));

    List<StoredEvent> all = log.read("reader", 0, Set.of(), 10);
    assertEquals(List.of(first.id(), second.id(), third.id()), ids(all));
    assertTrue(first.position() < second.position() && second.position() < third.position());
    assertTrue(first.id().compareTo(second.id()) < 0, "ids sort by time");
    assertTrue(second.id().compareTo(third.id()) < 0, "ids sort within one millisecond");
    assertEquals('7', first.id().charAt(14), "a UUIDv7");

    LogEvent read = all.get(0).event();
    assertEquals("ledger", read.source());
    assertEquals("staged v3", read.entry());
    assertEquals(BUNDLE, read.data().path("bundle_id").asText());
    assertEquals("auth", read.subjects().pipeline());
    assertEquals("3", read.subjects().contractVersion());
    assertNull(read.subjects().app());
    assertEquals(Instant.parse("2026-12-05T10:00:00Z"), read.createdAt());
    assertEquals(first.id(), all.get(1).event().parentId());

    assertEquals(List.of(first.id(), third.id()), ids(log.read("reader", 0, STAGED, 10)));
    assertEquals(List.of(third.id()), ids(log.read("reader", second.position() + 1, Set.of(), 10)));
    assertEquals(List.of(first.id()), ids(log.read("reader", 0, Set.of(), 1)));
    assertEquals(first, log.get(first.id()).orElseThrow());
  }

  @Test
  public void invalidEventsAreRefusedNamingTheFieldAndNothingIsStored() {
    EventRefusedException data =
        refused(
            EventRefusedException.Kind.INVALID,
            () -> publish(EventDraft.of("ledger.deployed", "x", json("{\"version\":\"three\"}"))));
    assertEquals("/data/version", data.field());
    assertEquals(
        "/data/bundle_id",
        refused(
                EventRefusedException.Kind.INVALID,
                () -> publish(EventDraft.of("ledger.staged", "x", json("{}"))))
            .field());
    assertEquals(
        "/type",
        refused(
                EventRefusedException.Kind.INVALID,
                () -> publish(EventDraft.of("ledger.nonsense", "x", json("{}"))))
            .field());
    assertEquals(
        "/type",
        refused(
                EventRefusedException.Kind.INVALID,
                () -> publish(EventDraft.of(null, "x", json("{}"))))
            .field());
    assertEquals(
        "/entry",
        refused(EventRefusedException.Kind.INVALID, () -> publish(staged("e".repeat(81)))).field());
    EventDraft longApp =
        staged("x").withSubjects(new EventSubjects("auth", "3", "a".repeat(41), null));
    assertEquals(
        "/subjects/app",
        refused(EventRefusedException.Kind.INVALID, () -> publish(longApp)).field());
    EventDraft big =
        EventDraft.of(
            "ledger.staged",
            "x",
            json("{\"bundle_id\":\"" + BUNDLE + "\",\"pad\":\"" + "p".repeat(1100) + "\"}"));
    assertEquals("/data", refused(EventRefusedException.Kind.INVALID, () -> publish(big)).field());

    assertEquals(List.of(), log.read("reader", 0, Set.of(), 10));
  }

  @Test
  public void entriesAreKeptToOneLine() {
    StoredEvent event = publish(staged("staged\nv3\u001b[2J"));
    assertEquals("staged v3 [2J", log.get(event.id()).orElseThrow().event().entry());
  }

  @Test
  public void unregisteredComponentsCanNeitherPublishNorConsume() {
    assertEquals(
        "/source",
        refused(EventRefusedException.Kind.UNREGISTERED, () -> log.publish("mallory", staged("x")))
            .field());
    refused(EventRefusedException.Kind.UNREGISTERED, () -> log.publish("auditor", staged("x")));
    refused(EventRefusedException.Kind.UNREGISTERED, () -> log.read("mallory", 0, Set.of(), 1));
    refused(EventRefusedException.Kind.UNREGISTERED, () -> log.claim("mallory", STAGED, 1));
    refused(
        EventRefusedException.Kind.UNREGISTERED,
        () -> log.claim("auditor", Set.of("ledger.deployed"), 1));
    refused(EventRefusedException.Kind.UNREGISTERED, () -> log.claim("reader", STAGED, 1));
    assertEquals(List.of(), log.read("reader", 0, Set.of(), 10));
  }

  @Test
  public void aParentMustBeInTheLog() {
    EventRefusedException e =
        refused(
            EventRefusedException.Kind.NOT_FOUND,
            () -> publish(deployed("0190a000-0000-7000-8000-000000000000")));
    assertEquals("/parent_id", e.field());
    assertEquals(List.of(), log.read("reader", 0, Set.of(), 10));
  }

  @Test
  public void childrenAndLineageFollowParentLinks() {
    StoredEvent root = publish(staged("staged v3"));
    StoredEvent deploy = publish(deployed(root.id()));
    StoredEvent other = publish(deployed(root.id()));
    StoredEvent ack =
        publish(
            EventDraft.of("ledger.acked", "ack", json("{\"version\":3,\"component\":\"spine-1\"}"))
                .withParent(deploy.id()));

    assertEquals(List.of(deploy.id(), other.id()), ids(log.children(root.id())));
    assertEquals(List.of(ack.id()), ids(log.children(deploy.id())));
    assertEquals(List.of(), log.children(ack.id()));
    assertEquals(List.of(root.id(), deploy.id(), ack.id()), ids(log.lineage(ack.id())));
    assertTrue(log.get("0190a000-0000-7000-8000-000000000000").isEmpty());
  }

  @Test
  public void aConsumerThatStopsWithoutFinishingGetsTheEventAgainAfterTheLease() {
    StoredEvent event = publish(staged("staged v3"));
    List<Claim> first = log.claim("auditor", STAGED, 10);
    assertEquals(List.of(event.id()), claimedIds(first));
    assertEquals(ConsumerStatus.STARTED, first.get(0).consumption().status());
    assertEquals(1, first.get(0).consumption().attempt());

    // The consumer crashes: no move. Within the lease nobody else gets the event.
    clock.advance(LEASE.minusSeconds(1));
    assertEquals(List.of(), log.claim("auditor", STAGED, 10));

    clock.advance(Duration.ofSeconds(1));
    List<Claim> again = log.claim("auditor", STAGED, 10);
    assertEquals(List.of(event.id()), claimedIds(again));
    assertEquals(2, again.get(0).consumption().attempt());
  }

  @Test
  public void inProgressRenewsTheLease() {
    StoredEvent event = publish(staged("staged v3"));
    log.claim("auditor", STAGED, 10);
    clock.advance(Duration.ofSeconds(20));
    Consumption working = log.move("auditor", event.id(), ConsumerStatus.IN_PROGRESS, "half way");
    assertEquals(clock.instant().plus(LEASE), working.leaseUntil());
    clock.advance(Duration.ofSeconds(20));
    assertEquals(List.of(), log.claim("auditor", STAGED, 10));
    clock.advance(Duration.ofSeconds(10));
    assertEquals(List.of(event.id()), claimedIds(log.claim("auditor", STAGED, 10)));
  }

  @Test
  public void aSucceededEventIsNeverDeliveredAgain() {
    StoredEvent event = publish(staged("staged v3"));
    log.claim("auditor", STAGED, 10);
    log.move("auditor", event.id(), ConsumerStatus.IN_PROGRESS, "");
    Consumption done = log.move("auditor", event.id(), ConsumerStatus.SUCCEEDED, "audited");
    assertNull(done.leaseUntil());

    clock.advance(Duration.ofDays(1));
    assertEquals(List.of(), log.claim("auditor", STAGED, 10));
    log.move("auditor", event.id(), ConsumerStatus.ACKNOWLEDGED, "seen");
    clock.advance(Duration.ofDays(1));
    assertEquals(List.of(), log.claim("auditor", STAGED, 10));
    Consumption status = log.statuses(event.id()).get(0);
    assertEquals(ConsumerStatus.ACKNOWLEDGED, status.status());
    assertEquals("seen", status.note());
  }

  @Test
  public void illegalMovesAreRefused() {
    StoredEvent event = publish(staged("staged v3"));
    assertEquals(
        "/event_id",
        refused(
                EventRefusedException.Kind.NOT_FOUND,
                () -> log.move("auditor", event.id(), ConsumerStatus.IN_PROGRESS, ""))
            .field());
    log.claim("auditor", STAGED, 10);
    refused(
        EventRefusedException.Kind.CONFLICT,
        () -> log.move("auditor", event.id(), ConsumerStatus.SUCCEEDED, ""));
    refused(
        EventRefusedException.Kind.CONFLICT,
        () -> log.move("auditor", event.id(), ConsumerStatus.ACKNOWLEDGED, ""));
    log.move("auditor", event.id(), ConsumerStatus.IN_PROGRESS, "");
    refused(
        EventRefusedException.Kind.CONFLICT,
        () -> log.move("auditor", event.id(), ConsumerStatus.STARTED, ""));
    log.move("auditor", event.id(), ConsumerStatus.FAILED, "bundle unreadable");
    EventRefusedException backwards =
        refused(
            EventRefusedException.Kind.CONFLICT,
            () -> log.move("auditor", event.id(), ConsumerStatus.IN_PROGRESS, ""));
    assertTrue(backwards.reason().contains("FAILED"), backwards.reason());
    log.move("auditor", event.id(), ConsumerStatus.ACKNOWLEDGED, "");
    refused(
        EventRefusedException.Kind.CONFLICT,
        () -> log.move("auditor", event.id(), ConsumerStatus.ACKNOWLEDGED, ""));
    assertEquals(ConsumerStatus.ACKNOWLEDGED, log.statuses(event.id()).get(0).status());
  }

  @Test
  public void aStartedEventCanBeCancelledAndIsThenFinished() {
    StoredEvent event = publish(staged("staged v3"));
    log.claim("auditor", STAGED, 10);
    log.move("auditor", event.id(), ConsumerStatus.CANCELLED, "not for us");
    clock.advance(Duration.ofDays(1));
    assertEquals(List.of(), log.claim("auditor", STAGED, 10));
  }

  @Test
  public void twoConsumersAreIndependent() {
    StoredEvent event = publish(staged("staged v3"));
    log.claim("auditor", STAGED, 10);
    log.move("auditor", event.id(), ConsumerStatus.IN_PROGRESS, "");
    log.move("auditor", event.id(), ConsumerStatus.SUCCEEDED, "");

    List<Claim> notifier = log.claim("notifier", STAGED, 10);
    assertEquals(List.of(event.id()), claimedIds(notifier));
    List<Consumption> statuses = log.statuses(event.id());
    assertEquals(
        List.of("auditor", "notifier"), statuses.stream().map(Consumption::consumer).toList());
    assertEquals(
        List.of(ConsumerStatus.SUCCEEDED, ConsumerStatus.STARTED),
        statuses.stream().map(Consumption::status).toList());
  }

  @Test
  public void claimsFollowPositionOrderTypesAndLimit() {
    StoredEvent s1 = publish(staged("s1"));
    StoredEvent d1 = publish(deployed(s1.id()));
    StoredEvent s2 = publish(staged("s2"));
    StoredEvent s3 = publish(staged("s3"));

    assertEquals(List.of(s1.id(), s2.id()), claimedIds(log.claim("auditor", STAGED, 2)));
    assertEquals(List.of(s3.id()), claimedIds(log.claim("auditor", STAGED, 2)));
    assertTrue(log.statuses(d1.id()).isEmpty());
  }

  @Test
  public void finishedEventsBeforeAnUnfinishedOneDoNotHideItOrLaterOnes() {
    StoredEvent e1 = publish(staged("e1"));
    StoredEvent e2 = publish(staged("e2"));
    StoredEvent e3 = publish(staged("e3"));
    log.claim("auditor", STAGED, 10);
    for (StoredEvent done : List.of(e1, e3)) {
      log.move("auditor", done.id(), ConsumerStatus.IN_PROGRESS, "");
      log.move("auditor", done.id(), ConsumerStatus.SUCCEEDED, "");
    }
    clock.advance(LEASE);
    assertEquals(List.of(e2.id()), claimedIds(log.claim("auditor", STAGED, 10)));
    log.move("auditor", e2.id(), ConsumerStatus.CANCELLED, "");

    StoredEvent e4 = publish(staged("e4"));
    assertEquals(List.of(e4.id()), claimedIds(log.claim("auditor", STAGED, 10)));
    clock.advance(LEASE);
    assertEquals(List.of(e4.id()), claimedIds(log.claim("auditor", STAGED, 10)));
  }

  @Test
  public void concurrentClaimersNeverShareAnEvent() throws Exception {
    List<String> published = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      published.add(publish(staged("e" + i)).id());
    }
    EventLog other = logOn(sibling());
    List<String> claimed = Collections.synchronizedList(new ArrayList<>());
    int claimers = 4;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(claimers);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < claimers; i++) {
        EventLog on = i % 2 == 0 ? log : other;
        runs.add(
            pool.submit(
                () -> {
                  start.await();
                  claimed.addAll(claimedIds(on.claim("auditor", STAGED, 20)));
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> run : runs) {
        run.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(claimed.size(), new HashSet<>(claimed).size(), "an event was claimed twice");
    assertEquals(new HashSet<>(published), new HashSet<>(claimed));
  }

  @Test
  public void whenALeasePassesOnlyOneOfTwoRacingClaimersGetsTheEvent() throws Exception {
    StoredEvent event = publish(staged("staged v3"));
    log.claim("auditor", STAGED, 10);
    clock.advance(LEASE);
    EventLog other = logOn(sibling());
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<List<Claim>> a =
          pool.submit(
              () -> {
                start.await();
                return log.claim("auditor", STAGED, 10);
              });
      Future<List<Claim>> b =
          pool.submit(
              () -> {
                start.await();
                return other.claim("auditor", STAGED, 10);
              });
      start.countDown();
      List<String> won = new ArrayList<>(claimedIds(a.get(60, TimeUnit.SECONDS)));
      won.addAll(claimedIds(b.get(60, TimeUnit.SECONDS)));
      assertEquals(List.of(event.id()), won);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(2, log.statuses(event.id()).get(0).attempt());
  }

  @Test
  public void eventsAndStatusesSurviveAReopen() {
    StoredEvent root = publish(staged("staged v3"));
    StoredEvent child = publish(deployed(root.id()));
    log.claim("auditor", STAGED, 10);
    log.move("auditor", root.id(), ConsumerStatus.IN_PROGRESS, "");
    log.move("auditor", root.id(), ConsumerStatus.SUCCEEDED, "done");
    store.close();
    store = reopen();
    log = logOn(store);

    assertEquals(List.of(root.id(), child.id()), ids(log.read("reader", 0, Set.of(), 10)));
    assertEquals(List.of(child.id()), ids(log.children(root.id())));
    assertEquals(ConsumerStatus.SUCCEEDED, log.statuses(root.id()).get(0).status());
    StoredEvent later = publish(staged("staged v4"));
    assertTrue(later.position() > child.position());
    assertEquals(List.of(later.id()), claimedIds(log.claim("auditor", STAGED, 10)));
  }
}
