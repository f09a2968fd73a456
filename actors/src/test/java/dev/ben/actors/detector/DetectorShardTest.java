package dev.ben.actors.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ben.actors.testing.ActorTestBase;
import dev.ben.config.DetectorSettings;
import dev.ben.contracts.engine.ContractRuntime;
import dev.ben.contracts.engine.EvaluationResult;
import dev.ben.contracts.engine.playbook.BoundAdmission;
import dev.ben.contracts.engine.playbook.LocalBoundAdmission;
import dev.ben.contracts.engine.playbook.PlaybookOutcome;
import dev.ben.contracts.event.Translation;
import dev.ben.streams.detector.DetectInput;
import dev.ben.streams.detector.state.RocksShardStateStore;
import dev.ben.streams.detector.state.ShardSnapshots;
import dev.ben.streams.detector.state.SnapshotCounts;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.rocks.RocksIndex;
import dev.ben.streams.spine.ActiveContract;
import dev.ben.streams.spine.ContractSlots;
import dev.ben.streams.spine.SpineStage;
import dev.ben.streams.testing.PingProject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shard's protocol, with every message serialized as it would be between members, and its state
 * kept in a RocksDB state store across a stop and a new start.
 */
class DetectorShardTest extends ActorTestBase {

  private static final String PIPELINE = "pings";

  private final ContractSlots slots = new ContractSlots();
  private final MetricsRegistry metrics = new MetricsRegistry();
  private final LocalBoundAdmission bounds = new LocalBoundAdmission();
  private final BoundAdmissions local = pipeline -> bounds;
  private static final int STASH = 2;
  @TempDir Path dir;
  private RocksIndex index;

  DetectorShardTest() {
    super(SERIALIZE_MESSAGES);
  }

  @AfterEach
  void closeIndex() {
    if (index != null) {
      index.close();
    }
  }

  /** Snapshots of shard 1 of the pipeline in this test's RocksDB, every 100 events or hour. */
  private ShardSnapshots snapshots() {
    if (index == null) {
      index = RocksIndex.open(dir.resolve("index"));
    }
    var settings =
        new DetectorSettings(
            4,
            256,
            4,
            Duration.ofSeconds(10),
            100,
            Duration.ofMillis(100),
            Duration.ofSeconds(1),
            STASH,
            100,
            Duration.ofHours(1),
            64 * 1024,
            "state",
            DetectorSettings.Clock.WALL);
    return new ShardSnapshots(
        new RocksShardStateStore(index, settings.snapshotMaxBytes()),
        testKit.system().executionContext(),
        settings,
        new SnapshotCounts(metrics, PIPELINE),
        PIPELINE,
        1);
  }

  private ActorRef<DetectorShard.Command> spawnShard() {
    return spawnShard(local);
  }

  private ActorRef<DetectorShard.Command> spawnShard(BoundAdmissions bounds) {
    return testKit.spawn(
        DetectorShard.create(slots, 4, new ShardReports(metrics), snapshots(), bounds, STASH));
  }

  private double seen(ActorRef<DetectorShard.Command> shard, List<DetectInput> inputs) {
    var detected = assertInstanceOf(DetectorShard.Detected.class, ask(shard, 1, inputs));
    return detected.detections().get(inputs.size() - 1).detectors().get("per_user.seen");
  }

  @Test
  void aShardStartedAfterAnotherStoppedContinuesItsCounts() {
    slots
        .open(PIPELINE)
        .swap(
            new ActiveContract(
                1, ContractRuntime.build(PingProject.detecting(PIPELINE), PIPELINE, new byte[32])));
    ActorRef<DetectorShard.Command> first = spawnShard();
    assertEquals(3.0, seen(first, List.of(ping(1, "ann"), ping(2, "ann"), ping(3, "ann"))));
    TestProbe<Object> watcher = testKit.createTestProbe();
    first.tell(new DetectorShard.Stop());
    watcher.expectTerminated(first);
    var counts = new SnapshotCounts(metrics, PIPELINE);
    assertEquals(1, counts.count(SnapshotCounts.WRITTEN, SnapshotCounts.STOP));

    ActorRef<DetectorShard.Command> second = spawnShard();
    assertEquals(4.0, seen(second, List.of(ping(4, "ann"))), "3 -> 4, not 1");
    assertEquals(1, counts.count(SnapshotCounts.RESTORED, SnapshotCounts.START));
  }

  @Test
  void aTypedHandOffCrossesMembersAsItsBodyAndNames() {
    ContractRuntime runtime =
        ContractRuntime.build(PingProject.detecting(PIPELINE), PIPELINE, new byte[32]);
    slots.open(PIPELINE).swap(new ActiveContract(1, runtime));
    List<DetectInput> typed = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      String line = "{\"id\":\"e" + i + "\",\"user\":\"ann\",\"n\":5}";
      var accepted =
          assertInstanceOf(
              Translation.Accepted.class,
              runtime.translate("ping", line.getBytes(StandardCharsets.UTF_8)));
      EvaluationResult result = runtime.decide(accepted.event());
      typed.add(
          new DetectInput(
              SpineStage.body(result, new ObjectMapper()),
              result.bits(),
              result.rules(),
              result.facts(),
              1_000L * i,
              result.decided()));
    }
    // Every message is serialized here, as between members: the typed part stays behind.
    assertEquals(3.0, seen(spawnShard(), typed));
  }

  private static DetectInput ping(int i, String user) {
    return new DetectInput(
        JsonNodeFactory.instance.objectNode().put("id", "e" + i).put("user", user).put("n", 5),
        List.of(),
        List.of(),
        Map.of(),
        1_000L * i);
  }

  private DetectorShard.Reply ask(
      ActorRef<DetectorShard.Command> shard, long version, List<DetectInput> inputs) {
    TestProbe<DetectorShard.Reply> probe = testKit.createTestProbe();
    shard.tell(new DetectorShard.Detect(PIPELINE, version, "ping", inputs, probe.getRef()));
    return probe.receiveMessage();
  }

  @Test
  void aVersionNotLoadedHereIsSaidSoThenStateBuildsUpAcrossRounds() {
    ActorRef<DetectorShard.Command> shard = spawnShard();
    var notLoaded =
        assertInstanceOf(DetectorShard.NotLoaded.class, ask(shard, 1, List.of(ping(0, "ann"))));
    assertTrue(notLoaded.reason().contains("version 1 of pings is not loaded"), notLoaded.reason());

    slots
        .open(PIPELINE)
        .swap(
            new ActiveContract(
                1, ContractRuntime.build(PingProject.detecting(PIPELINE), PIPELINE, new byte[32])));
    List<Double> seen = new ArrayList<>();
    List<PlaybookOutcome> outcomes = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      var detected =
          assertInstanceOf(
              DetectorShard.Detected.class,
              ask(shard, 1, List.of(ping(2 * round, "ann"), ping(2 * round + 1, "ann"))));
      detected
          .detections()
          .forEach(
              d -> {
                seen.add(d.detectors().get("per_user.seen"));
                outcomes.addAll(d.playbooks());
              });
    }
    assertEquals(
        List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0), seen, "the count survives rounds and serialization");
    assertEquals(PlaybookOutcome.Status.FIRED, outcomes.get(0).status());
    assertEquals("e3", outcomes.get(0).args().get("id"), "fires on the 4th event");
    assertEquals(PlaybookOutcome.Status.SUPPRESSED, outcomes.get(1).status());
  }

  @Test
  void eventsThatNoLongerFitTheSchemaAreCountedNotDetected() {
    slots
        .open(PIPELINE)
        .swap(
            new ActiveContract(
                1, ContractRuntime.build(PingProject.detecting(PIPELINE), PIPELINE, new byte[32])));
    ActorRef<DetectorShard.Command> shard = spawnShard();
    var unfit =
        new DetectInput(
            JsonNodeFactory.instance.objectNode().put("id", "x"),
            List.of(),
            List.of(),
            Map.of(),
            0);
    var detected =
        assertInstanceOf(
            DetectorShard.Detected.class, ask(shard, 1, List.of(unfit, ping(1, "bo"))));
    assertTrue(detected.detections().get(0).detectors().isEmpty());
    assertEquals(1.0, detected.detections().get(1).detectors().get("per_user.seen"));
    assertEquals(
        1,
        metrics.value(
            "ben_detector_skipped_total",
            Labels.of("pipeline", PIPELINE, "reason", ShardReports.UNFIT)));
  }

  private void load() {
    slots
        .open(PIPELINE)
        .swap(
            new ActiveContract(
                1, ContractRuntime.build(PingProject.detecting(PIPELINE), PIPELINE, new byte[32])));
  }

  /** Four events of one user: the last makes playbook chatty's condition hold. */
  private static List<DetectInput> firing(String user) {
    return List.of(ping(0, user), ping(1, user), ping(2, user), ping(3, user));
  }

  @Test
  void whileABudgetDecidesLaterRoundsWaitAndAreAnsweredInOrder() {
    load();
    CompletableFuture<List<String>> verdict = new CompletableFuture<>();
    BoundAdmission slow = (playbook, requests) -> verdict;
    ActorRef<DetectorShard.Command> shard = spawnShard(pipeline -> slow);
    TestProbe<DetectorShard.Reply> probe = testKit.createTestProbe();
    shard.tell(new DetectorShard.Detect(PIPELINE, 1, "ping", firing("ann"), probe.getRef()));
    shard.tell(
        new DetectorShard.Detect(PIPELINE, 1, "ping", List.of(ping(4, "ann")), probe.getRef()));
    probe.expectNoMessage(Duration.ofMillis(200));

    verdict.complete(List.of(BoundAdmission.ADMITTED));
    var first = probe.expectMessageClass(DetectorShard.Detected.class);
    PlaybookOutcome outcome = first.detections().get(3).playbooks().get(0);
    assertEquals(PlaybookOutcome.Status.FIRED, outcome.status(), "the budget's verdict decides");
    var second = probe.expectMessageClass(DetectorShard.Detected.class);
    assertEquals(5.0, second.detections().get(0).detectors().get("per_user.seen"));
  }

  @Test
  void aSnapshotFallingDueWhileABudgetDecidesKeepsTheRoundWaitingAndAnswered() {
    load();
    CompletableFuture<List<String>> verdict = new CompletableFuture<>();
    ActorRef<DetectorShard.Command> shard = spawnShard(pipeline -> (playbook, requests) -> verdict);
    TestProbe<DetectorShard.Reply> probe = testKit.createTestProbe();
    shard.tell(new DetectorShard.Detect(PIPELINE, 1, "ping", firing("di"), probe.getRef()));
    shard.tell(DetectorShard.snapshotDue());
    shard.tell(
        new DetectorShard.Detect(PIPELINE, 1, "ping", List.of(ping(4, "di")), probe.getRef()));
    probe.expectNoMessage(Duration.ofMillis(200));

    verdict.complete(List.of(BoundAdmission.ADMITTED));
    var first = probe.expectMessageClass(DetectorShard.Detected.class);
    assertEquals(4, first.detections().size(), "the waiting round is answered first");
    assertEquals(
        PlaybookOutcome.Status.FIRED, first.detections().get(3).playbooks().get(0).status());
    var second = probe.expectMessageClass(DetectorShard.Detected.class);
    assertEquals(5.0, second.detections().get(0).detectors().get("per_user.seen"));
  }

  @Test
  void aBudgetsRefusalIsTheOutcomeNeverTheCandidate() {
    load();
    BoundAdmission refusing =
        (playbook, requests) ->
            CompletableFuture.completedFuture(
                requests.stream().map(r -> "rate: counted across the cluster").toList());
    ActorRef<DetectorShard.Command> shard = spawnShard(pipeline -> refusing);
    var detected = assertInstanceOf(DetectorShard.Detected.class, ask(shard, 1, firing("bo")));
    PlaybookOutcome outcome = detected.detections().get(3).playbooks().get(0);
    assertEquals(PlaybookOutcome.Status.SUPPRESSED, outcome.status());
    assertEquals("rate: counted across the cluster", outcome.reason());
  }

  @Test
  void roundsBeyondTheStashAreRefusedNotLost() {
    load();
    BoundAdmission never = (playbook, requests) -> new CompletableFuture<>();
    ActorRef<DetectorShard.Command> shard = spawnShard(pipeline -> never);
    // Started (its snapshots read): the rounds below meet a running shard's stash, not the one a
    // starting shard keeps, which answers NotLoaded when full.
    assertInstanceOf(DetectorShard.Detected.class, ask(shard, 1, List.of(ping(1, "warm"))));
    TestProbe<DetectorShard.Reply> probe = testKit.createTestProbe();
    shard.tell(new DetectorShard.Detect(PIPELINE, 1, "ping", firing("cy"), probe.getRef()));
    for (int i = 0; i < STASH + 1; i++) {
      shard.tell(
          new DetectorShard.Detect(PIPELINE, 1, "ping", List.of(ping(9, "cy")), probe.getRef()));
    }
    var refused = probe.expectMessageClass(DetectorShard.Refused.class);
    assertTrue(refused.reason().contains("holds back 2 rounds"), refused.reason());
    probe.expectNoMessage(Duration.ofMillis(100));
  }
}
