package dev.ben.streams.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.config.LedgerSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every ledger store must do, run against RocksDB ({@code RocksLedgerStoreTest}) and NATS
 * ({@code NatsLedgerStoreIT} in the tests module, which reaches this class through the streams test
 * jar; the test methods are public for that reason).
 */
public abstract class LedgerStoreContract {

  /** Small enough to test the bound cheaply, large enough for any test bundle. */
  protected static final long MAX_BUNDLE_BYTES = 256 * 1024;

  protected static final String BUNDLE_A = "sha256:" + "a".repeat(64);
  protected static final String BUNDLE_B = "sha256:" + "b".repeat(64);

  protected LedgerStore store;

  /** A fresh store for this test, on storage no other test uses. */
  protected abstract LedgerStore create();

  /**
   * Another store on the same storage as {@link #create()}'s, as a restarted or failed-over ledger
   * opens it.
   */
  protected abstract LedgerStore reopen();

  protected static LedgerSettings settings(String kvBucket, String objectBucket) {
    return new LedgerSettings(
        MAX_BUNDLE_BYTES,
        2048,
        kvBucket,
        objectBucket,
        Duration.ofSeconds(30),
        java.util.List.of(),
        Duration.ofSeconds(5),
        Duration.ofMillis(200),
        25);
  }

  @BeforeEach
  void openStore() {
    store = create();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  private static byte[] body(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static LedgerEvent event(String id, String parent, String pipeline, String type) {
    return new LedgerEvent(
        id,
        type,
        "benctl:alice",
        type + " of " + pipeline,
        "{\"n\":1}",
        parent,
        pipeline,
        1,
        1_000);
  }

  @Test
  public void headersArePutReadListedAndDeleted() {
    store.putHeader(new PipelineHeader("web", "Web", "", PipelineStatus.DRAFT, 0));
    store.putHeader(new PipelineHeader("auth", "Auth", "logins", PipelineStatus.DRAFT, 0));
    store.putHeader(new PipelineHeader("auth", "Auth", "logins", PipelineStatus.PAUSED, 2));
    assertEquals(PipelineStatus.PAUSED, store.getHeader("auth").orElseThrow().status());
    assertEquals(
        List.of("auth", "web"), store.listHeaders().stream().map(PipelineHeader::id).toList());
    assertTrue(store.deleteHeader("web"));
    assertFalse(store.deleteHeader("web"));
    assertTrue(store.getHeader("web").isEmpty());
    assertTrue(store.getHeader("never").isEmpty());
  }

  @Test
  public void reopeningLosesNoIntent() {
    store.putHeader(new PipelineHeader("auth", "Auth", "", PipelineStatus.PUBLISHED, 1));
    store.putBundle(BUNDLE_A, body("bundle a"));
    store.appendVersion("auth", BUNDLE_A, "ci-key", 10);
    store.changeState("auth", 1, VersionState.ACTIVATING, 20);
    store.appendEvent(event("e1", null, "auth", "stage"));
    store.close();
    store = reopen();
    assertEquals(
        new PipelineHeader("auth", "Auth", "", PipelineStatus.PUBLISHED, 1),
        store.getHeader("auth").get());
    assertArrayEquals(body("bundle a"), store.getBundle(BUNDLE_A).orElseThrow());
    assertEquals(
        List.of(new StagedVersion("auth", 1, BUNDLE_A, "ci-key", 10, VersionState.ACTIVATING)),
        store.versions("auth"));
    assertEquals(
        List.of(new StateChange("auth", 1, VersionState.ACTIVATING, 20)),
        store.stateChanges("auth"));
    assertEquals(List.of("e1"), store.listEvents("auth").stream().map(LedgerEvent::id).toList());
    assertEquals(
        2, store.appendVersion("auth", BUNDLE_A, "ci-key", 30).version(), "numbering continues");
  }

  @Test
  public void versionNumbersAreAdditiveAndNeverReusedEvenAfterUnstage() {
    store.putBundle(BUNDLE_A, body("a"));
    store.putHeader(new PipelineHeader("auth", "Auth", "", PipelineStatus.DRAFT, 0));
    assertEquals(1, store.appendVersion("auth", BUNDLE_A, "k", 1).version());
    assertEquals(2, store.appendVersion("auth", BUNDLE_A, "k", 2).version());
    store.changeState("auth", 2, VersionState.UNSTAGED, 3);
    assertEquals(3, store.appendVersion("auth", BUNDLE_A, "k", 4).version());
    store.deleteHeader("auth");
    assertEquals(
        4,
        store.appendVersion("auth", BUNDLE_A, "k", 5).version(),
        "a deleted header keeps its numbers");
    assertEquals(
        List.of(
            VersionState.STAGED, VersionState.UNSTAGED, VersionState.STAGED, VersionState.STAGED),
        store.versions("auth").stream().map(StagedVersion::state).toList());
    assertEquals(
        1, store.appendVersion("auth.v2", BUNDLE_A, "k", 6).version(), "numbers are per pipeline");
    assertEquals(4, store.versions("auth").size(), "a dotted name never mixes with its prefix");
  }

  @Test
  public void stateChangesAreAppendedAndIllegalMovesRefused() {
    store.putBundle(BUNDLE_A, body("a"));
    store.appendVersion("auth", BUNDLE_A, "k", 1);
    assertEquals(
        VersionState.ACTIVATING, store.changeState("auth", 1, VersionState.ACTIVATING, 2).state());
    store.changeState("auth", 1, VersionState.ACTIVE, 3);
    StagedVersion active = store.version("auth", 1).orElseThrow();
    assertEquals(new StagedVersion("auth", 1, BUNDLE_A, "k", 1, VersionState.ACTIVE), active);
    assertEquals(
        List.of(VersionState.ACTIVATING, VersionState.ACTIVE),
        store.stateChanges("auth").stream().map(StateChange::state).toList(),
        "history is kept in order");
    LedgerRefusedException illegal =
        assertThrows(
            LedgerRefusedException.class,
            () -> store.changeState("auth", 1, VersionState.UNSTAGED, 4));
    assertTrue(
        illegal.getMessage().contains("is ACTIVE and cannot become UNSTAGED"),
        illegal.getMessage());
    LedgerRefusedException unknown =
        assertThrows(
            LedgerRefusedException.class,
            () -> store.changeState("auth", 9, VersionState.ACTIVATING, 4));
    assertTrue(unknown.getMessage().contains("has no version 9"), unknown.getMessage());
    assertEquals(2, store.stateChanges("auth").size(), "a refused move writes nothing");
  }

  @Test
  public void aBundleIdNamesOneBodyForever() {
    store.putBundle(BUNDLE_A, body("the body"));
    store.putBundle(BUNDLE_A, body("the body"));
    LedgerRefusedException e =
        assertThrows(
            LedgerRefusedException.class, () -> store.putBundle(BUNDLE_A, body("another body")));
    assertTrue(e.getMessage().contains("already stored with a different body"), e.getMessage());
    assertArrayEquals(body("the body"), store.getBundle(BUNDLE_A).orElseThrow());
    assertTrue(store.getBundle(BUNDLE_B).isEmpty());
    assertThrows(IllegalArgumentException.class, () -> store.putBundle("sha256:nothex", body("x")));
  }

  @Test
  public void oversizedBundlesAndVersionsOfUnstoredBundlesAreRefused() {
    LedgerRefusedException big =
        assertThrows(
            LedgerRefusedException.class,
            () -> store.putBundle(BUNDLE_A, new byte[(int) MAX_BUNDLE_BYTES + 1]));
    assertTrue(big.getMessage().contains("ben.ledger.max-bundle-bytes"), big.getMessage());
    assertTrue(store.getBundle(BUNDLE_A).isEmpty());
    store.putBundle(BUNDLE_B, new byte[(int) MAX_BUNDLE_BYTES]);
    LedgerRefusedException missing =
        assertThrows(
            LedgerRefusedException.class, () -> store.appendVersion("auth", BUNDLE_A, "k", 1));
    assertTrue(missing.getMessage().contains("is not stored"), missing.getMessage());
    assertTrue(store.versions("auth").isEmpty());
  }

  @Test
  public void theHeaderWatchSeesCurrentStateThenPutsAndDeletes() throws InterruptedException {
    store.putHeader(new PipelineHeader("auth", "Auth", "", PipelineStatus.PUBLISHED, 3));
    store.putHeader(new PipelineHeader("gone", "Gone", "", PipelineStatus.DRAFT, 0));
    store.deleteHeader("gone");
    BlockingQueue<HeaderChange> changes = new LinkedBlockingQueue<>();
    try (HeaderWatch watch = store.watchHeaders(changes::add)) {
      HeaderChange initial = next(changes);
      assertEquals(HeaderChange.Op.PUT, initial.op());
      assertEquals(3, initial.header().version());
      assertEquals(
          HeaderChange.Op.SYNCED, next(changes).op(), "a deleted header is not current state");
      store.putHeader(new PipelineHeader("web", "Web", "", PipelineStatus.DRAFT, 0));
      store.deleteHeader("auth");
      HeaderChange put = next(changes);
      assertEquals(HeaderChange.Op.PUT, put.op());
      assertEquals("web", put.pipeline());
      HeaderChange del = next(changes);
      assertEquals(HeaderChange.Op.DEL, del.op());
      assertEquals("auth", del.pipeline());
      assertNull(del.header());
      assertTrue(watch.isOpen());
      assertEquals(0, watch.skipped());
    }
  }

  @Test
  public void aWatchOnAnEmptyLedgerIsSyncedAtOnceAndEndsWhenItsListenerFails()
      throws InterruptedException {
    BlockingQueue<HeaderChange> changes = new LinkedBlockingQueue<>();
    HeaderWatch watch =
        store.watchHeaders(
            change -> {
              changes.add(change);
              if (change.op() == HeaderChange.Op.PUT) {
                throw new IllegalStateException("listener broke");
              }
            });
    assertEquals(HeaderChange.Op.SYNCED, next(changes).op());
    store.putHeader(new PipelineHeader("a.b", "A", "", PipelineStatus.DRAFT, 0));
    assertEquals("a.b", next(changes).pipeline(), "dotted names come back as written");
    // The listener may run on another thread (NATS), which records the failure just after the
    // change arrived.
    awaitUntil(() -> !watch.isOpen(), "the watch ends");
    assertEquals("listener broke", watch.failure().orElseThrow().getMessage());
    store.putHeader(new PipelineHeader("c", "C", "", PipelineStatus.DRAFT, 0));
    assertNull(changes.poll(300, TimeUnit.MILLISECONDS), "a failed watch delivers nothing more");
  }

  @Test
  public void eventsComeBackInOrderWithTheirParents() {
    store.appendEvent(event("deploy-1", null, "auth", "deploy"));
    store.appendEvent(event("activate-1", "deploy-1", "auth", "activation"));
    store.appendEvent(event("other", null, "web", "deploy"));
    store.appendEvent(event("ack-1", "activate-1", "auth", "ack"));
    List<LedgerEvent> auth = store.listEvents("auth");
    assertEquals(
        List.of("deploy-1", "activate-1", "ack-1"), auth.stream().map(LedgerEvent::id).toList());
    assertNull(auth.get(0).parentId());
    assertEquals("deploy-1", auth.get(1).parentId());
    assertEquals("activate-1", auth.get(2).parentId());
    assertEquals(
        event("ack-1", "activate-1", "auth", "ack"), auth.get(2), "every field round-trips");
    LedgerRefusedException big =
        assertThrows(
            LedgerRefusedException.class,
            () ->
                store.appendEvent(
                    new LedgerEvent(
                        "big",
                        "deploy",
                        "x",
                        "s",
                        "\"" + "x".repeat(4096) + "\"",
                        null,
                        "auth",
                        0,
                        1)));
    assertTrue(big.getMessage().contains("ben.ledger.max-event-bytes"), big.getMessage());
    assertEquals(3, store.listEvents("auth").size());
  }

  private static void awaitUntil(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after 10 s waiting until " + what);
      }
      Thread.onSpinWait();
    }
  }

  private static HeaderChange next(BlockingQueue<HeaderChange> changes)
      throws InterruptedException {
    HeaderChange change = changes.poll(10, TimeUnit.SECONDS);
    if (change == null) {
      throw new AssertionError("no header change arrived within 10 s");
    }
    return change;
  }
}
