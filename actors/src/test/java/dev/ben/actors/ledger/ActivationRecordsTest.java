package dev.ben.actors.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.actors.testing.PingContracts;
import dev.ben.api.control.LifecycleAction;
import dev.ben.contracts.bundle.Fingerprint;
import dev.ben.streams.access.StoreAccess;
import dev.ben.streams.ledger.LedgerEvent;
import dev.ben.streams.ledger.PipelineHeader;
import dev.ben.streams.ledger.PipelineStatus;
import dev.ben.streams.ledger.RocksLedgerStore;
import dev.ben.streams.ledger.StagedVersion;
import dev.ben.streams.ledger.VersionState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActivationRecordsTest {

  private static final String PIPELINE = PingContracts.PIPELINE;
  private static final String SPINE = "pings/spine@n1";
  private static final String DETECTOR = "pings/detector@n2";

  @TempDir Path dir;

  private TestLedger ledger;
  private AtomicLong clock;
  private PingContracts contracts;
  private RocksLedgerStore store;
  private StoreAccess access;
  private LedgerBook book;
  private ActivationRecords records;

  @BeforeEach
  void open() throws Exception {
    ledger = new TestLedger(dir);
    clock = ledger.clock;
    contracts = ledger.contracts;
    store = ledger.store;
    access = ledger.access;
    book = ledger.book;
    records = ledger.records;
  }

  @AfterEach
  void close() {
    ledger.close();
  }

  /** Stages a bundle of the ping contract with this limit and returns its version number. */
  private long stage(int limit) {
    return book.stage(contracts.bundle(limit), "ann@host").getStaged(0).getVersion();
  }

  private VersionState state(long version) {
    return store.version(PIPELINE, version).map(StagedVersion::state).orElseThrow();
  }

  private PipelineHeader header() {
    return store.getHeader(PIPELINE).orElseThrow();
  }

  private ActivationRun deploy(Set<String> required) {
    return records.begin(
        records.decideDeploy(PIPELINE, OptionalLong.empty()), required, "deploy", "ann@host");
  }

  /**
   * Deploys the newest staged version, acknowledged by every required component in time, and
   * settles it.
   */
  private void deployAndAck(Set<String> required) {
    ActivationRun run = deploy(required);
    for (String component : required) {
      run.tally().ack(component, run.tally().version(), clock.get());
    }
    assertEquals(AckTally.State.ACTIVE, run.tally().state());
    assertEquals(Optional.empty(), records.settle(run));
  }

  private static void failAtTheDeadline(ActivationRun run) {
    assertEquals(
        AckTally.State.FAILED, run.tally().checkDeadline(run.tally().deadlineMillis() + 1));
  }

  private List<String> eventTypes() {
    return store.listEvents(PIPELINE).stream().map(LedgerEvent::type).toList();
  }

  @Test
  void deployWithoutAVersionPicksTheNewestStagedOne() {
    stage(10);
    stage(20);
    long third = stage(30);
    book.unstage(PIPELINE, third, "ann@host");

    VersionPolicy.Activate decision = records.decideDeploy(PIPELINE, OptionalLong.empty());

    assertEquals(new VersionPolicy.Activate(PIPELINE, 2, 0), decision);
  }

  @Test
  void beginMarksTheVersionActivatingPublishesTheHeaderAndHandsOutAReadableKey() {
    stage(10);
    long version = stage(20);

    ActivationRun run = deploy(Set.of(SPINE));

    assertEquals(VersionState.ACTIVATING, state(version));
    assertEquals(VersionState.STAGED, state(1));
    assertEquals(PipelineStatus.PUBLISHED, header().status());
    assertEquals(version, header().version());
    assertEquals(new PipelineHeader(PIPELINE, PIPELINE, "", PipelineStatus.DRAFT, 0), run.before());
    ContractNotice notice = run.notice();
    assertEquals(PIPELINE, notice.pipeline());
    assertEquals(version, notice.version());
    byte[] pulled = access.read(notice.key());
    assertEquals(notice.key().sha256(), Fingerprint.of(pulled).value());
    String bundleId = store.version(PIPELINE, version).orElseThrow().bundleId();
    assertArrayEquals(store.getBundle(bundleId).orElseThrow(), pulled);
    assertEquals(AckTally.State.ACTIVATING, run.tally().state());
    assertEquals(List.of(SPINE), run.tally().missing());
  }

  @Test
  void settlingAfterEveryAckMakesTheVersionActiveAndSupersedesThePreviousOne() {
    stage(10);
    deployAndAck(Set.of(SPINE));
    long second = stage(20);

    ActivationRun run = deploy(Set.of(SPINE, DETECTOR));
    run.tally().ack(SPINE, second, clock.get());
    assertEquals(AckTally.State.ACTIVE, run.tally().ack(DETECTOR, second, clock.get()));
    Optional<ContractNotice> restore = records.settle(run);

    assertEquals(Optional.empty(), restore, "nothing has to go back after a success");
    assertEquals(VersionState.ACTIVE, state(second));
    assertEquals(VersionState.SUPERSEDED, state(1));
    assertEquals(
        new PipelineHeader(PIPELINE, PIPELINE, "", PipelineStatus.PUBLISHED, second), header());
    assertEquals("activated", eventTypes().get(eventTypes().size() - 1));
  }

  @Test
  void aFailedActivationRestoresTheHeaderAndNamesTheVersionToRevertTo() {
    stage(10);
    deployAndAck(Set.of(SPINE));
    PipelineHeader running = header();
    long second = stage(20);
    ActivationRun run = deploy(Set.of(SPINE, DETECTOR));
    run.tally().ack(SPINE, second, clock.get());
    failAtTheDeadline(run);

    ContractNotice restore = records.settle(run).orElseThrow();

    assertEquals(1, restore.version());
    assertEquals(access.find(PIPELINE, 1).orElseThrow(), restore.key());
    assertEquals(running, header());
    assertEquals(new PipelineHeader(PIPELINE, PIPELINE, "", PipelineStatus.PUBLISHED, 1), header());
    assertEquals(VersionState.FAILED, state(second));
    assertEquals(VersionState.ACTIVE, state(1));
    LedgerEvent failed = store.listEvents(PIPELINE).get(store.listEvents(PIPELINE).size() - 1);
    assertEquals("activation-failed", failed.type());
    assertTrue(failed.summary().contains("not acknowledged by " + DETECTOR), failed.summary());
    assertEquals(run.eventId(), failed.parentId());
  }

  @Test
  void aFailedFirstActivationPutsThePipelineBackToDraftWithNothingToRevertTo() {
    long first = stage(10);
    ActivationRun run = deploy(Set.of(SPINE));
    failAtTheDeadline(run);

    Optional<ContractNotice> restore = records.settle(run);

    assertEquals(Optional.empty(), restore);
    assertEquals(new PipelineHeader(PIPELINE, PIPELINE, "", PipelineStatus.DRAFT, 0), header());
    assertEquals(VersionState.FAILED, state(first));
  }

  @Test
  void theDesiredVersionFollowsTheHeader() {
    stage(10);
    assertEquals(Optional.empty(), records.desired(PIPELINE), "a draft runs nothing");

    deployAndAck(Set.of(SPINE));
    assertEquals(1, records.desired(PIPELINE).orElseThrow().version());

    long second = stage(20);
    ActivationRun run = deploy(Set.of(SPINE));
    assertEquals(
        second,
        records.desired(PIPELINE).orElseThrow().version(),
        "the activating version is wanted");
    assertEquals(run.notice(), records.desired(PIPELINE).orElseThrow());

    failAtTheDeadline(run);
    records.settle(run);
    assertEquals(
        1, records.desired(PIPELINE).orElseThrow().version(), "after a failure the old one again");

    book.changeLifecycle(PIPELINE, LifecycleAction.PAUSE, "ann@host");
    assertEquals(
        1,
        records.desired(PIPELINE).orElseThrow().version(),
        "a paused pipeline keeps its version");

    book.changeLifecycle(PIPELINE, LifecycleAction.ARCHIVE, "ann@host");
    assertEquals(Optional.empty(), records.desired(PIPELINE), "an archived pipeline runs nothing");
    assertEquals(
        Optional.empty(), records.desired("nothing-here"), "an unknown pipeline runs nothing");
  }

  @Test
  void recoveryFailsAnInterruptedActivationAndPointsTheHeaderBackAtTheActiveVersion() {
    stage(10);
    deployAndAck(Set.of(SPINE));
    long second = stage(20);
    deploy(Set.of(SPINE));
    assertEquals(second, header().version());

    new ActivationRecords(book, access, Duration.ofSeconds(30), clock::get).recover();

    assertEquals(VersionState.FAILED, state(second));
    assertEquals(VersionState.ACTIVE, state(1));
    assertEquals(new PipelineHeader(PIPELINE, PIPELINE, "", PipelineStatus.PUBLISHED, 1), header());
    LedgerEvent failed = store.listEvents(PIPELINE).get(store.listEvents(PIPELINE).size() - 1);
    assertEquals("activation-failed", failed.type());
    assertTrue(
        failed.summary().contains("interrupted by a restart of the ledger"), failed.summary());
    assertEquals(
        new VersionPolicy.Activate(PIPELINE, second, 1),
        records.decideDeploy(PIPELINE, OptionalLong.of(second)),
        "the failed version can be deployed again");
  }

  @Test
  void recoveryOfAnInterruptedFirstActivationPutsThePipelineBackToDraft() {
    long first = stage(10);
    deploy(Set.of(SPINE));

    records.recover();

    assertEquals(VersionState.FAILED, state(first));
    assertEquals(new PipelineHeader(PIPELINE, PIPELINE, "", PipelineStatus.DRAFT, 0), header());
  }

  @Test
  void recoveryPutsBackTheHeaderAsItWasBeforeTheDeployAnArchivedPipelineStaysArchived() {
    stage(10);
    deployAndAck(Set.of(SPINE));
    book.changeLifecycle(PIPELINE, LifecycleAction.ARCHIVE, "ann@host");
    long second = stage(20);
    deploy(Set.of(SPINE));
    assertEquals(PipelineStatus.PUBLISHED, header().status());

    records.recover();

    assertEquals(VersionState.FAILED, state(second));
    assertEquals(new PipelineHeader(PIPELINE, PIPELINE, "", PipelineStatus.ARCHIVED, 1), header());
  }

  @Test
  void settlingAnUndecidedActivationIsRefusedWithoutTouchingTheStore() {
    stage(10);
    ActivationRun run = deploy(Set.of(SPINE));
    int events = store.listEvents(PIPELINE).size();
    assertThrows(IllegalStateException.class, () -> records.settle(run));
    assertEquals(VersionState.ACTIVATING, state(1));
    assertEquals(events, store.listEvents(PIPELINE).size());
  }

  @Test
  void recoveryLeavesSettledPipelinesAlone() {
    stage(10);
    deployAndAck(Set.of(SPINE));
    PipelineHeader running = header();
    int events = store.listEvents(PIPELINE).size();

    records.recover();

    assertEquals(running, header());
    assertEquals(VersionState.ACTIVE, state(1));
    assertEquals(events, store.listEvents(PIPELINE).size());
  }

  @Test
  void deployingAPausedPipelineIsRefusedUntilItIsResumed() {
    stage(10);
    deployAndAck(Set.of(SPINE));
    book.changeLifecycle(PIPELINE, LifecycleAction.PAUSE, "ann@host");
    long second = stage(20);

    LedgerRefusal refusal =
        assertThrows(
            LedgerRefusal.class, () -> records.decideDeploy(PIPELINE, OptionalLong.empty()));

    assertEquals(LedgerRefusal.Kind.CONFLICT, refusal.kind());
    assertTrue(
        refusal.getMessage().startsWith("pings is paused; resume it (`benctl resume pings`)"),
        refusal.getMessage());
    assertEquals(VersionState.STAGED, state(second));
    book.changeLifecycle(PIPELINE, LifecycleAction.RESUME, "ann@host");
    assertEquals(
        new VersionPolicy.Activate(PIPELINE, second, 1),
        records.decideDeploy(PIPELINE, OptionalLong.empty()));
  }

  @Test
  void aSecondDeployWhileOneIsActivatingIsAConflict() {
    stage(10);
    deploy(Set.of(SPINE));
    stage(20);

    LedgerRefusal refusal =
        assertThrows(
            LedgerRefusal.class, () -> records.decideDeploy(PIPELINE, OptionalLong.empty()));

    assertEquals(LedgerRefusal.Kind.CONFLICT, refusal.kind());
    assertTrue(
        refusal.getMessage().contains("version 1 of pings is still activating"),
        refusal.getMessage());
  }
}
