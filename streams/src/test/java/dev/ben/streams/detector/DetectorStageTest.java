package dev.ben.streams.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.engine.ContractRuntime;
import dev.ben.contracts.engine.EvaluationResult;
import dev.ben.contracts.event.Translation;
import dev.ben.streams.flow.DecisionListener;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.flow.OneAtATime;
import dev.ben.streams.flow.Settlement;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageLatency;
import dev.ben.streams.spine.ActiveContract;
import dev.ben.streams.spine.ContractSlot;
import dev.ben.streams.spine.SpineStage;
import dev.ben.streams.testing.PingProject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.testkit.javadsl.TestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The detector stage completes the spine's decisions from sharded state exactly as one runtime
 * would.
 */
class DetectorStageTest {

  private static final String PIPELINE = "pings";
  private static final long NOW = 1_700_000_000_000L;
  private static final int SHARDS = 4;
  private static ActorSystem system;

  private final MetricsRegistry metrics = new MetricsRegistry();
  private final DetectorSkips skips = new DetectorSkips(metrics, PIPELINE);
  private final ContractSlot slot = new ContractSlot(PIPELINE);
  private final List<String> fired = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    system = ActorSystem.create("detector-stage");
  }

  @AfterAll
  static void stop() {
    TestKit.shutdownActorSystem(system);
  }

  private static ContractRuntime runtime() {
    return ContractRuntime.build(PingProject.detecting(PIPELINE), PIPELINE, new byte[32]);
  }

  private static ObjectNode ping(int i) {
    return JsonNodeFactory.instance
        .objectNode()
        .put("id", "e" + i)
        .put("user", "u" + i % 5)
        .put("n", i % 17);
  }

  private List<Envelope> run(List<Envelope> events, DetectorShards shards) throws Exception {
    var spine =
        OneAtATime.of(
            SpineStage.evaluatingBatches(
                slot,
                new StageCounters(metrics, PIPELINE, "spine"),
                new ObjectMapper(),
                event -> false,
                Settlement.NONE,
                32));
    return Source.from(events)
        .via(spine)
        .via(
            OneAtATime.of(
                DetectorStage.detectingBatches(
                    slot,
                    shards,
                    SHARDS,
                    7,
                    2,
                    DetectorClock.wall(() -> NOW),
                    (envelope, version, outcome, subject) ->
                        fired.add(envelope.eventId() + ":" + outcome.signal()),
                    skips)))
        .runWith(Sink.seq(), system)
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  @Test
  void shardedDetectionMatchesOneRuntimeEventByEventAndInOrder() throws Exception {
    slot.swap(new ActiveContract(1, runtime()));
    ContractRuntime together = runtime();
    List<Envelope> events = new ArrayList<>();
    List<EvaluationResult> expected = new ArrayList<>();
    List<String> expectedFirings = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      events.add(new Envelope("e" + i, PIPELINE, "app", NOW, ping(i)));
      var event =
          ((Translation.Accepted)
                  together.translate("ping", ping(i).toString().getBytes(StandardCharsets.UTF_8)))
              .event();
      EvaluationResult result = together.evaluate(event, NOW);
      expected.add(result);
      result.playbooks().stream()
          .filter(p -> p.status().name().equals("FIRED"))
          .forEach(
              p -> expectedFirings.add("e" + p.args().get("id").toString().substring(1) + ":page"));
    }
    List<Envelope> out = run(events, new LocalDetectorShards(slot, SHARDS));
    assertEquals(120, out.size());
    for (int i = 0; i < 120; i++) {
      assertEquals("e" + i, out.get(i).eventId(), "arrival order is kept");
      assertEquals(
          expected.get(i).detectors(), out.get(i).evaluation().result().detectors(), "event " + i);
      assertEquals(expected.get(i).score(), out.get(i).evaluation().result().score(), "event " + i);
    }
    assertEquals(5, expectedFirings.size(), "each of the 5 users pages once, then cools down");
    Double late = out.get(119).evaluation().result().score();
    assertTrue(
        late != null && late >= 0 && late <= 1,
        "a warmed-up scorer gives a score in [0, 1]: " + late);
    assertEquals(expectedFirings, fired);
    long rounds =
        metrics.value(StageLatency.FAMILY, Labels.of("pipeline", PIPELINE, "stage", "detector"));
    assertTrue(rounds >= 120 / 7 && rounds <= 120, rounds + " rounds timed, one per round");
  }

  @Test
  void aPlaybooksRateBoundHoldsForAllItsShardsTogether() throws Exception {
    slot.swap(new ActiveContract(1, runtime()));
    List<Envelope> events = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      // 150 users over the 4 shards, 4 events each: every user's 4th event meets the condition.
      events.add(
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
    List<Envelope> out = run(events, new LocalDetectorShards(slot, SHARDS));
    long suppressedByRate =
        out.stream()
            .flatMap(e -> e.evaluation().result().playbooks().stream())
            .filter(p -> p.reason().startsWith("rate: already fired 100 times"))
            .count();
    assertEquals(100, fired.size(), "at_most 100 per 1m for the whole playbook");
    assertEquals(50, suppressedByRate);
  }

  @Test
  void whoeverWaitsHearsTheDecisionWithItsDetectorValues() throws Exception {
    slot.swap(new ActiveContract(1, runtime()));
    CompletableFuture<Envelope.Evaluation> heard = new CompletableFuture<>();
    Envelope awaited =
        new Envelope("w", PIPELINE, "app", NOW, ping(3))
            .awaitedBy(
                new DecisionListener() {
                  @Override
                  public void decided(Envelope.Evaluation evaluation) {
                    heard.complete(evaluation);
                  }

                  @Override
                  public void refused(String reason) {
                    heard.completeExceptionally(new AssertionError(reason));
                  }
                });
    run(List.of(awaited), new LocalDetectorShards(slot, SHARDS));
    assertEquals(1.0, heard.get(5, TimeUnit.SECONDS).result().detectors().get("per_user.seen"));
  }

  @Test
  void eventsAShardCannotDetectGoOnUndetectedAndCounted() throws Exception {
    slot.swap(new ActiveContract(1, runtime()));
    DetectorShards silent =
        (pipeline, shard, version, schema, inputs) ->
            CompletableFuture.failedFuture(new java.util.concurrent.TimeoutException("no answer"));
    List<Envelope> out =
        run(
            List.of(
                new Envelope("a", PIPELINE, "app", NOW, ping(1)),
                new Envelope("b", PIPELINE, "app", NOW, ping(2))),
            silent);
    assertEquals(2, out.size(), "never the event is lost");
    assertTrue(out.get(0).evaluation().result().detectors().isEmpty());
    assertEquals(2, skips.count(DetectorSkips.NO_ANSWER));
    assertTrue(fired.isEmpty());
  }

  @Test
  void eventsWithoutDecisionsPassUnchanged() throws Exception {
    Envelope plain = new Envelope("p", PIPELINE, "app", NOW, ping(1));
    List<Envelope> out =
        Source.single(plain)
            .via(
                OneAtATime.of(
                    DetectorStage.detectingBatches(
                        slot,
                        new LocalDetectorShards(slot, SHARDS),
                        SHARDS,
                        7,
                        2,
                        DetectorClock.wall(() -> NOW),
                        (envelope, version, outcome, subject) -> fired.add("unexpected"),
                        skips)))
            .runWith(Sink.seq(), system)
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    assertSame(plain, out.get(0));
    assertNull(out.get(0).evaluation());
    assertFalse(fired.contains("unexpected"));
  }

  @Test
  void theShardOfAnEventDependsOnlyOnItsKey() {
    List<String> key = List.of("user");
    ObjectNode a = ping(1);
    ObjectNode b = ping(6);
    assertEquals(
        ShardRouter.shardOf(a, key, 16), ShardRouter.shardOf(b, key, 16), "same user, same shard");
    assertEquals(
        0, ShardRouter.shardOf(JsonNodeFactory.instance.objectNode().put("id", "x"), key, 16));
    long distinct =
        java.util.stream.IntStream.range(0, 200)
            .map(
                i ->
                    ShardRouter.shardOf(
                        JsonNodeFactory.instance.objectNode().put("user", "user-" + i), key, 16))
            .distinct()
            .count();
    assertEquals(16, distinct, "200 users spread over all 16 shards");
  }
}
