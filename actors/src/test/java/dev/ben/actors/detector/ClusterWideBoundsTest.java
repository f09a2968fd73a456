package dev.ben.actors.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.ben.actors.testing.Await;
import dev.ben.actors.testing.CapturedLogs;
import dev.ben.config.DetectorSettings;
import dev.ben.contracts.engine.ContractRuntime;
import dev.ben.contracts.engine.playbook.BoundAdmission;
import dev.ben.contracts.engine.playbook.BoundRequest;
import dev.ben.contracts.engine.playbook.PlaybookOutcome;
import dev.ben.contracts.model.Playbook;
import dev.ben.streams.detector.DetectorClock;
import dev.ben.streams.detector.DetectorSkips;
import dev.ben.streams.detector.DetectorStage;
import dev.ben.streams.detector.ShardRouter;
import dev.ben.streams.detector.state.RocksShardStateStore;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.flow.OneAtATime;
import dev.ben.streams.flow.Settlement;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.rocks.RocksIndex;
import dev.ben.streams.spine.ActiveContract;
import dev.ben.streams.spine.ContractSlot;
import dev.ben.streams.spine.ContractSlots;
import dev.ben.streams.spine.SpineStage;
import dev.ben.streams.testing.PingProject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Playbook bounds on a one-node cluster with Cluster Sharding: the detector stage spreads a burst
 * over eight detector shards, and the playbook's one budget lets exactly its bound through.
 */
@CapturedLogs
class ClusterWideBoundsTest {

  @TempDir Path dir;

  private static final String PIPELINE = "pings";
  private static final long NOW = 1_700_000_000_000L;

  private static ActorTestKit clusterOfOne(String roles) {
    Config config =
        ConfigFactory.parseString(
                "pekko.remote.artery.canonical.hostname = 127.0.0.1\n"
                    + "pekko.remote.artery.canonical.port = 0\n"
                    + "pekko.cluster.roles = ["
                    + roles
                    + "]\n"
                    + "ben.detector.shards = 8\n"
                    // The burst needs every budget to answer: its first ask waits for the budget's
                    // shard to be allocated and its state read, which a loaded machine can stretch
                    // past a short timeout (the candidates would then be suppressed as
                    // unavailable). Generous, and still shorter than the round's ask-timeout (10s).
                    + "ben.detector.budget-timeout = 5s\n"
                    // A region still holding a message for a coordinator it never found (the
                    // budget proxy on the edge member) waits out the whole sharding phase of the
                    // shutdown (10 s); the kit's default limit, 10 s too, would then fail the
                    // test whenever the rest of the shutdown takes a moment.
                    + "pekko.actor.testkit.typed.system-shutdown-default = 60s\n")
            .withFallback(ConfigFactory.load());
    ActorTestKit kit = ActorTestKit.create("bounds", config);
    Cluster cluster = Cluster.get(kit.system());
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    Await.until(
        () -> cluster.selfMember().status() == MemberStatus.up(),
        "the node is up",
        Duration.ofSeconds(20));
    return kit;
  }

  @Test
  void aBurstOverManyShardsFiresExactlyTheBoundTheRestSuppressedClusterWide() throws Exception {
    ActorTestKit kit = clusterOfOne("detector");
    RocksIndex state = RocksIndex.open(dir.resolve("state"));
    try {
      MetricsRegistry metrics = new MetricsRegistry();
      DetectorSettings settings = DetectorSettings.fromConfig(kit.system().settings().config());
      ContractSlots slots = new ContractSlots();
      ContractSlot slot = slots.open(PIPELINE);
      slot.swap(
          new ActiveContract(
              1, ContractRuntime.build(PingProject.detecting(PIPELINE), PIPELINE, new byte[32])));
      var shards =
          new ShardedDetectors(
              kit.system(),
              settings,
              slots,
              metrics,
              new RocksShardStateStore(state, settings.snapshotMaxBytes()),
              kit.system().executionContext());
      List<String> signals = new CopyOnWriteArrayList<>();
      List<Envelope> burst = new ArrayList<>();
      for (int i = 0; i < 600; i++) {
        // 150 users, 4 events each: every user's 4th event meets chatty's condition (at_most 100
        // per 1m); spread over the 8 shards, each shard alone would have let all of its own pass.
        burst.add(
            new Envelope(
                "e" + i,
                PIPELINE,
                "app",
                NOW,
                JsonNodeFactory.instance
                    .objectNode()
                    .put("id", "e" + i)
                    .put("user", "u" + i % 150)
                    .put("n", 1)));
      }
      List<Envelope> out =
          Source.from(burst)
              .via(
                  OneAtATime.of(
                      SpineStage.evaluatingBatches(
                          slot,
                          new StageCounters(metrics, PIPELINE, "spine"),
                          new ObjectMapper(),
                          event -> false,
                          Settlement.NONE,
                          32)))
              .via(
                  OneAtATime.of(
                      DetectorStage.detectingBatches(
                          slot,
                          shards,
                          settings.shards(),
                          7,
                          4,
                          DetectorClock.wall(() -> NOW),
                          (envelope, version, outcome, subject) -> signals.add(envelope.eventId()),
                          new DetectorSkips(metrics, PIPELINE))))
              .runWith(Sink.seq(), kit.system())
              .toCompletableFuture()
              .get(60, TimeUnit.SECONDS);

      List<PlaybookOutcome> outcomes =
          out.stream().flatMap(e -> e.evaluation().result().playbooks().stream()).toList();
      assertEquals(150, outcomes.size(), "one candidate per user");
      long shardsUsed =
          out.stream()
              .filter(e -> !e.evaluation().result().playbooks().isEmpty())
              .map(e -> ShardRouter.shardOf(e.body(), List.of("user"), 8))
              .distinct()
              .count();
      assertEquals(8, shardsUsed, "the candidates came from every shard");
      assertEquals(100, signals.size(), "exactly at_most 100 signals for the whole playbook");
      List<PlaybookOutcome> suppressed =
          outcomes.stream().filter(o -> o.status() == PlaybookOutcome.Status.SUPPRESSED).toList();
      assertEquals(50, suppressed.size());
      for (PlaybookOutcome outcome : suppressed) {
        assertEquals(
            "rate: already fired 100 times in the last 60000 ms, counted across the cluster",
            outcome.reason());
      }
    } finally {
      kit.shutdownTestKit();
      state.close();
    }
  }

  @Test
  void aBudgetThatDoesNotAnswerSuppressesTheCandidatesAndIsCounted() throws Exception {
    // No member has the detector role, so no budget can start: every ask times out.
    ActorTestKit kit = clusterOfOne("edge");
    RocksIndex state = RocksIndex.open(dir.resolve("edge-state"));
    try {
      MetricsRegistry metrics = new MetricsRegistry();
      var budgets =
          new PlaybookBudgets(
              kit.system(),
              Duration.ofMillis(300),
              metrics,
              new RocksShardStateStore(state, 1 << 20),
              kit.system().executionContext(),
              16);
      Playbook chatty = PingProject.detecting(PIPELINE).playbook("chatty").orElseThrow();
      List<String> verdicts =
          budgets
              .forPipeline(PIPELINE)
              .admit(chatty, List.of(new BoundRequest("user=ann", 0), new BoundRequest("", 1)))
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS);
      assertEquals(2, verdicts.size());
      for (String verdict : verdicts) {
        assertTrue(verdict.startsWith(BoundAdmission.UNAVAILABLE), verdict);
      }
      assertEquals(
          2,
          metrics.value(
              PlaybookBudgets.UNAVAILABLE_FAMILY,
              Labels.of("pipeline", PIPELINE, "playbook", "chatty")));
    } finally {
      kit.shutdownTestKit();
      state.close();
    }
  }
}
