package dev.ben.streams.spine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.engine.ContractRuntime;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.flow.OneAtATime;
import dev.ben.streams.flow.SentBody;
import dev.ben.streams.flow.Settlement;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageCounters.Outcome;
import dev.ben.streams.testing.PingProject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.testkit.TestPublisher;
import org.apache.pekko.stream.testkit.TestSubscriber;
import org.apache.pekko.stream.testkit.javadsl.TestSink;
import org.apache.pekko.stream.testkit.javadsl.TestSource;
import org.apache.pekko.testkit.javadsl.TestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SpineStageTest {

  private static final String PIPELINE = "pings";
  private static final long NOW = 1_700_000_000_000L;

  private static ActorSystem system;

  private final MetricsRegistry registry = new MetricsRegistry();
  private final StageCounters counters = new StageCounters(registry, PIPELINE, "spine");
  private final ContractSlot slot = new ContractSlot(PIPELINE);
  private final Flow<Envelope, Envelope, NotUsed> flow =
      OneAtATime.of(
          SpineStage.evaluatingBatches(
              slot, counters, new ObjectMapper(), event -> false, Settlement.NONE, 32));

  @BeforeAll
  static void start() {
    system = ActorSystem.create("t");
  }

  @AfterAll
  static void stop() {
    TestKit.shutdownActorSystem(system);
  }

  private static ContractRuntime runtime(String pipeline, int limit) {
    return ContractRuntime.build(PingProject.contracts(pipeline, limit), pipeline, new byte[32]);
  }

  private static Envelope event(String id, ObjectNode body) {
    return new Envelope(id, PIPELINE, "app", NOW, body);
  }

  private static Envelope ping(String id, int n) {
    return event(id, JsonNodeFactory.instance.objectNode().put("id", id).put("n", n));
  }

  private List<Envelope> run(List<Envelope> events) throws Exception {
    CompletionStage<List<Envelope>> out = Source.from(events).via(flow).runWith(Sink.seq(), system);
    return out.toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void anEventIsEvaluatedAndCarriesTheSlotsVersionAndTheRuleDecision() throws Exception {
    slot.swap(new ActiveContract(4, runtime(PIPELINE, 10)));

    List<Envelope> out = run(List.of(ping("big", 50), ping("small", 5)));

    assertEquals(List.of("big", "small"), out.stream().map(Envelope::eventId).toList());
    Envelope.Evaluation big = out.get(0).evaluation();
    assertEquals(4, big.contractVersion());
    assertEquals(List.of("flag_big"), big.result().rules());
    assertEquals("flag", big.result().action());
    Envelope.Evaluation small = out.get(1).evaluation();
    assertEquals(4, small.contractVersion());
    assertEquals(List.of(), small.result().rules());
    assertEquals("pass", small.result().action());
    assertEquals(0, counters.total(Outcome.REFUSED));
  }

  /**
   * A body kept as the client sent it is translated from its bytes: the same decisions and the same
   * refusals as its tree, and its tree is never built.
   */
  @Test
  void aBodyKeptAsSentIsDecidedAsItsTreeWithoutBuildingIt() throws Exception {
    slot.swap(new ActiveContract(2, runtime(PIPELINE, 10)));
    ObjectMapper mapper = new ObjectMapper();
    List<String> lines =
        List.of("{\"id\":\"big\",\"n\":50}", "{\"id\":\"s\",\"n\":5}", "{\"n\":\"x\"}");
    List<Envelope> sent = new ArrayList<>();
    List<Envelope> trees = new ArrayList<>();
    for (String line : lines) {
      ObjectNode body = SentBody.of(line.getBytes(StandardCharsets.UTF_8), mapper.reader());
      sent.add(event(line, body));
      trees.add(event(line, (ObjectNode) mapper.readTree(line)));
    }

    List<Envelope> fromBytes = run(sent);
    long refusedFromBytes = counters.value(Outcome.REFUSED, SpineStage.NOT_IN_SCHEMA);
    List<Envelope> fromTrees = run(trees);

    assertEquals(2, fromBytes.size());
    assertEquals(1, refusedFromBytes);
    assertEquals(2, counters.value(Outcome.REFUSED, SpineStage.NOT_IN_SCHEMA));
    for (int i = 0; i < fromBytes.size(); i++) {
      var tree = fromTrees.get(i).evaluation();
      var bytes = fromBytes.get(i).evaluation();
      assertEquals(tree.contractVersion(), bytes.contractVersion());
      assertEquals(tree.result().bits(), bytes.result().bits());
      assertEquals(tree.result().rules(), bytes.result().rules());
      assertEquals(tree.result().action(), bytes.result().action());
      assertEquals(tree.result().redacted(), bytes.result().redacted());
      assertEquals(fromTrees.get(i).body(), fromBytes.get(i).body());
    }
    assertEquals(List.of("flag_big"), fromBytes.get(0).evaluation().result().rules());
    for (Envelope event : sent) {
      assertNotNull(SentBody.untouchedJson(event.body()), "the spine read the bytes, not a tree");
    }
  }

  @Test
  void anEventBeforeAnyVersionIsLoadedIsRefusedAndCountedAsNoContract() throws Exception {
    assertEquals(0, slot.version());

    List<Envelope> out = run(List.of(ping("a", 1), ping("b", 2)));

    assertEquals(List.of(), out);
    assertEquals(2, counters.value(Outcome.REFUSED, SpineStage.NO_CONTRACT));
    assertEquals(0, counters.value(Outcome.REFUSED, SpineStage.NOT_IN_SCHEMA));
  }

  @Test
  void anEventThatDoesNotFitTheSchemaIsRefusedAndCountedAsNotInSchema() throws Exception {
    slot.swap(new ActiveContract(1, runtime(PIPELINE, 10)));
    ObjectNode noKey = JsonNodeFactory.instance.objectNode().put("n", 3);
    ObjectNode notANumber = JsonNodeFactory.instance.objectNode().put("id", "x").put("n", "many");

    List<Envelope> out =
        run(List.of(event("no-key", noKey), ping("fits", 3), event("nan", notANumber)));

    assertEquals(List.of("fits"), out.stream().map(Envelope::eventId).toList());
    assertEquals(2, counters.value(Outcome.REFUSED, SpineStage.NOT_IN_SCHEMA));
    assertEquals(0, counters.value(Outcome.REFUSED, SpineStage.NO_CONTRACT));
  }

  @Test
  void swappingTheSlotMidStreamMakesLaterEventsCarryTheNewVersion() {
    slot.swap(new ActiveContract(1, runtime(PIPELINE, 100)));
    Pair<TestPublisher.Probe<Envelope>, TestSubscriber.Probe<Envelope>> probes =
        TestSource.<Envelope>probe(system)
            .via(flow)
            .toMat(TestSink.probe(system), Keep.both())
            .run(system);
    TestPublisher.Probe<Envelope> in = probes.first();
    TestSubscriber.Probe<Envelope> out = probes.second();

    out.request(1);
    in.sendNext(ping("before", 50));
    Envelope before = out.expectNext(Duration.ofSeconds(10));

    slot.swap(new ActiveContract(2, runtime(PIPELINE, 10)));
    out.request(1);
    in.sendNext(ping("after", 50));
    Envelope after = out.expectNext(Duration.ofSeconds(10));
    in.sendComplete();
    out.expectComplete();

    assertEquals(1, before.evaluation().contractVersion());
    assertEquals(
        "pass", before.evaluation().result().action(), "50 is within version 1's limit of 100");
    assertEquals(2, after.evaluation().contractVersion());
    assertEquals(
        "flag", after.evaluation().result().action(), "50 exceeds version 2's limit of 10");
    assertEquals(2, slot.version());
  }

  @Test
  void theSlotRefusesAContractOfAnotherPipelineAndKeepsItsVersion() {
    slot.swap(new ActiveContract(3, runtime(PIPELINE, 10)));
    ActiveContract other = new ActiveContract(7, runtime("others", 10));

    var refused = assertThrows(IllegalArgumentException.class, () -> slot.swap(other));

    assertTrue(
        refused
            .getMessage()
            .contains("the slot of pipeline pings cannot hold a contract of others"),
        refused.getMessage());
    assertEquals(3, slot.version());
    assertEquals(PIPELINE, slot.current().orElseThrow().pipeline());
  }

  @Test
  void anActiveContractStartsAtVersionOne() {
    ContractRuntime runtime = runtime(PIPELINE, 10);

    var refused =
        assertThrows(IllegalArgumentException.class, () -> new ActiveContract(0, runtime));

    assertTrue(
        refused.getMessage().contains("contract versions start at 1, got 0"), refused.getMessage());
  }
}
