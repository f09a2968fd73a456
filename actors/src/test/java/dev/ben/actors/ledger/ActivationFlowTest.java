package dev.ben.actors.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.actors.bridge.MessagePlane;
import dev.ben.actors.orchestrator.PipelineExecutor;
import dev.ben.actors.testing.PingContracts;
import dev.ben.streams.ledger.RocksLedgerStore;
import dev.ben.streams.ledger.VersionState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The steps of an activation as the ledger takes them, on a real store, without actors. */
class ActivationFlowTest {

  private static final String PIPELINE = PingContracts.PIPELINE;
  private static final String SPINE = "pings/spine@n1";
  private static final PipelineExecutor.Placement ON_SPINE =
      new PipelineExecutor.Placement(PIPELINE, List.of(SPINE));
  private static final PipelineExecutor.Placement NOWHERE =
      new PipelineExecutor.Placement(PIPELINE, List.of());

  @TempDir Path dir;

  private final List<ContractNotice> published = new ArrayList<>();
  private final InFlightActivations inFlight = new InFlightActivations();
  private TestLedger ledger;
  private AtomicLong clock;
  private PingContracts contracts;
  private RocksLedgerStore store;
  private LedgerBook book;
  private ActivationFlow flow;

  @BeforeEach
  void open() throws Exception {
    ledger = new TestLedger(dir);
    clock = ledger.clock;
    contracts = ledger.contracts;
    store = ledger.store;
    book = ledger.book;
    flow = new ActivationFlow(ledger.records, inFlight, new Recording());
  }

  @AfterEach
  void close() {
    ledger.close();
  }

  /** Collects what is published, as the notice plane would carry it to components. */
  private final class Recording implements MessagePlane<ContractNotice> {
    @Override
    public void publish(ContractNotice message) {
      published.add(message);
    }

    @Override
    public AutoCloseable subscribe(ActorRef<ContractNotice> subscriber) {
      throw new UnsupportedOperationException("nothing subscribes in this test");
    }
  }

  private long stage(int limit) {
    return book.stage(contracts.bundle(limit), "ann@host").getStaged(0).getVersion();
  }

  private VersionState state(long version) {
    return store.version(PIPELINE, version).orElseThrow().state();
  }

  private ActivationRun deploy() {
    return flow.begin(flow.accept(PIPELINE, 0, false), ON_SPINE, null, "deploy", "ann@host");
  }

  @Test
  void aSecondDeployIsRefusedWhileTheFirstIsBeingPlaced() {
    stage(10);
    flow.accept(PIPELINE, 0, false);

    LedgerRefusal refusal =
        assertThrows(LedgerRefusal.class, () -> flow.accept(PIPELINE, 0, false));

    assertEquals(LedgerRefusal.Kind.CONFLICT, refusal.kind());
    assertTrue(refusal.getMessage().contains("is already starting"), refusal.getMessage());
  }

  @Test
  void anEmptyPlacementIsAskedAgainUntilTheAttemptsAreUsedUp() {
    assertTrue(ActivationFlow.placeAgain(NOWHERE, null, 1, 25));
    assertTrue(ActivationFlow.placeAgain(NOWHERE, null, 24, 25));
    assertFalse(ActivationFlow.placeAgain(NOWHERE, null, 25, 25));
    assertFalse(ActivationFlow.placeAgain(ON_SPINE, null, 1, 25), "placed: go ahead");
    assertFalse(
        ActivationFlow.placeAgain(null, new TimeoutException("no answer"), 1, 25),
        "the orchestrator did not answer: refuse at once");
  }

  @Test
  void aPlacementWithNobodyIsRefusedUnchangedAndFreesThePipeline() {
    long version = stage(10);
    VersionPolicy.Activate decision = flow.accept(PIPELINE, 0, false);

    LedgerRefusal refusal =
        assertThrows(
            LedgerRefusal.class, () -> flow.begin(decision, NOWHERE, null, "deploy", "ann@host"));

    assertTrue(refusal.getMessage().startsWith("no cluster member can run pings"));
    assertEquals(VersionState.STAGED, state(version));
    assertEquals(List.of(), published);
    assertEquals(decision, flow.accept(PIPELINE, 0, false), "the pipeline is free again");
  }

  @Test
  void anActivationAcknowledgedByEveryComponentIsSettledActive() {
    long version = stage(10);
    ActivationRun run = deploy();
    assertEquals(List.of(run.notice()), published, "the new version's notice goes out");
    assertEquals(Optional.empty(), flow.settleIfDecided(PIPELINE), "still waiting for the spine");

    flow.ack(SPINE, PIPELINE, version);

    assertEquals(Optional.of(run), flow.settleIfDecided(PIPELINE));
    assertEquals(VersionState.ACTIVE, state(version));
    assertEquals(Optional.empty(), inFlight.run(PIPELINE), "no longer in flight");
    assertEquals(Optional.empty(), flow.settleIfDecided(PIPELINE), "settled once");
  }

  @Test
  void aBundleWithoutSourcesAndThenOneWithThemBothStageAndSettleActive() {
    long old = stage(10);
    deploy();
    flow.ack(SPINE, PIPELINE, old);
    assertTrue(flow.settleIfDecided(PIPELINE).isPresent());
    long carrying =
        book.stage(contracts.bundleWithSources(11), "ann@host").getStaged(0).getVersion();

    deploy();
    flow.ack(SPINE, PIPELINE, carrying);

    assertTrue(flow.settleIfDecided(PIPELINE).isPresent());
    assertEquals(VersionState.ACTIVE, state(carrying));
    assertEquals(VersionState.SUPERSEDED, state(old));
  }

  @Test
  void anActivationWhoseTimeIsUpFailsAndThePreviousVersionIsAnnouncedAgain() {
    long first = stage(10);
    deploy();
    flow.ack(SPINE, PIPELINE, first);
    flow.settleIfDecided(PIPELINE);
    long second = stage(20);
    ActivationRun run = deploy();

    flow.expire(PIPELINE, first);
    assertEquals(Optional.empty(), flow.settleIfDecided(PIPELINE), "a stale timer changes nothing");
    flow.expire(PIPELINE, second);

    assertEquals(Optional.of(run), flow.settleIfDecided(PIPELINE));
    assertEquals(VersionState.FAILED, state(second));
    assertEquals(VersionState.ACTIVE, state(first));
    ContractNotice restore = published.get(published.size() - 1);
    assertEquals(first, restore.version(), "components that swapped go back to v" + first);
    assertEquals(Set.of(SPINE), Set.copyOf(run.tally().missing()));
  }
}
