package dev.ben.streams.spine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.engine.ContractRuntime;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.flow.OneAtATime;
import dev.ben.streams.flow.Settlement;
import dev.ben.streams.flow.Stages;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageCounters.Outcome;
import dev.ben.streams.testing.PingProject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.testkit.javadsl.TestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The spine acting on what the contract decided: drops, sampling, redaction, and counts that add
 * up.
 */
class SpineActionsTest {

  private static final String PIPELINE = "pings";
  private static ActorSystem system;

  private final StageCounters counters =
      new StageCounters(new MetricsRegistry(), PIPELINE, "spine");
  private final ContractSlot slot = new ContractSlot(PIPELINE);

  /** A scrub queue that takes two events, then is full. */
  private final List<Envelope> scrubbed = new java.util.concurrent.CopyOnWriteArrayList<>();

  private final dev.ben.streams.lucius.ScrubRoute scrub =
      event -> scrubbed.size() < 2 && scrubbed.add(event);

  @BeforeAll
  static void start() {
    system = ActorSystem.create("spine-actions");
  }

  @AfterAll
  static void stop() {
    TestKit.shutdownActorSystem(system);
  }

  @BeforeEach
  void load() {
    slot.swap(
        new ActiveContract(
            1, ContractRuntime.build(PingProject.acting(PIPELINE), PIPELINE, new byte[32])));
  }

  private static Envelope ping(String id, int n) {
    return new Envelope(
        id, PIPELINE, "app", 0, JsonNodeFactory.instance.objectNode().put("id", id).put("n", n));
  }

  private List<Envelope> run(List<Envelope> events) throws Exception {
    return run(events, 32);
  }

  private List<Envelope> run(List<Envelope> events, int maxReasonLabels) throws Exception {
    return Source.from(events)
        .via(
            Stages.counted(
                counters,
                16,
                OneAtATime.of(
                    SpineStage.evaluatingBatches(
                        slot,
                        counters,
                        new ObjectMapper(),
                        scrub,
                        Settlement.NONE,
                        maxReasonLabels))))
        .runWith(Sink.seq(), system)
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  @Test
  void aDropRuleRefusesTheEventUnderItsDeclaredReason() throws Exception {
    assertEquals(
        List.of("small"),
        run(List.of(ping("huge", 500), ping("small", 1))).stream().map(Envelope::eventId).toList());
    assertEquals(1, counters.value(Outcome.REFUSED, "too big"));
  }

  @Test
  void aSampleRuleKeepsOneEventInNAndCountsTheRestAsShed() throws Exception {
    List<Envelope> out =
        run(List.of(ping("a", 60), ping("b", 60), ping("c", 60), ping("d", 60), ping("e", 1)));
    assertEquals(List.of("a", "c", "e"), out.stream().map(Envelope::eventId).toList());
    assertEquals(2, counters.value(Outcome.SHED, "sample(2)"));
  }

  @Test
  void ruleReasonsPastTheContractsCapAreCountedAsOther() throws Exception {
    List<Envelope> out =
        run(List.of(ping("huge", 500), ping("a", 60), ping("b", 60), ping("c", 60)), 1);
    assertEquals(List.of("a", "c"), out.stream().map(Envelope::eventId).toList());
    assertEquals(1, counters.value(Outcome.REFUSED, "too big"), "the first reason keeps its label");
    assertEquals(1, counters.value(Outcome.SHED, ContractReasons.OTHER));
    assertEquals(
        0, counters.value(Outcome.SHED, "sample(2)"), "past the cap: no series of its own");
    assertEquals(
        counters.total(Outcome.ACCEPTED),
        counters.total(Outcome.FORWARDED)
            + counters.total(Outcome.REFUSED)
            + counters.total(Outcome.SHED));
  }

  @Test
  void aPiiValueLeavesTheSpineOnlyRedacted() throws Exception {
    ObjectNode body =
        JsonNodeFactory.instance
            .objectNode()
            .put("id", "p")
            .put("n", 1)
            .put("email", "ann@example.com");
    Envelope out = run(List.of(new Envelope("p", PIPELINE, "app", 0, body))).get(0);
    assertFalse(out.body().toString().contains("ann@example.com"), out.body().toString());
    assertTrue(out.body().hasNonNull("email"), "masked, not removed: " + out.body());
    assertEquals(1, out.body().get("n").asInt());
  }

  @Test
  void aMarkedEventLeavesForTheScrubQueueRedactedAndIsRefusedWhenTheQueueIsFull() throws Exception {
    ObjectNode body =
        JsonNodeFactory.instance
            .objectNode()
            .put("id", "s1")
            .put("n", 13)
            .put("email", "ann@example.com");
    List<Envelope> out =
        run(
            List.of(
                new Envelope("s1", PIPELINE, "app", 0, body),
                ping("s2", 13),
                ping("s3", 13),
                ping("plain", 1)));
    assertEquals(List.of("plain"), out.stream().map(Envelope::eventId).toList());
    assertEquals(List.of("s1", "s2"), scrubbed.stream().map(Envelope::eventId).toList());
    assertFalse(scrubbed.get(0).body().toString().contains("ann@example.com"), "queued redacted");
    assertEquals(2, counters.value(Outcome.ROUTED, dev.ben.streams.lucius.ScrubQueue.ROUTE));
    assertEquals(1, counters.value(Outcome.REFUSED, dev.ben.streams.lucius.ScrubQueue.FULL));
  }

  @Test
  void everyAcceptedEventIsForwardedRefusedOrShed() throws Exception {
    List<Envelope> events = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      events.add(ping("e" + i, i % 3 == 0 ? 500 : i % 3 == 1 ? 60 : 5));
    }
    ObjectNode malformed = JsonNodeFactory.instance.objectNode().put("n", "many");
    events.add(new Envelope("bad", PIPELINE, "app", 0, malformed));
    List<Envelope> out = run(events);
    long accepted = counters.total(Outcome.ACCEPTED);
    assertEquals(301, accepted);
    assertEquals(out.size(), counters.total(Outcome.FORWARDED));
    assertEquals(
        accepted,
        counters.total(Outcome.FORWARDED)
            + counters.total(Outcome.REFUSED)
            + counters.total(Outcome.SHED));
    assertEquals(101, counters.total(Outcome.REFUSED), "100 too big and one malformed");
    assertEquals(50, counters.total(Outcome.SHED), "half of the 100 sampled");
  }
}
