package dev.ben.bux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.StageCounters;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The counters frame: the stage series only, flattened, with the live tap's drops. */
class CountersMessageTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static ActorSystem system;

  @BeforeAll
  static void startSystem() {
    system = ActorSystem.create("CountersMessageTest");
  }

  @AfterAll
  static void stopSystem() throws Exception {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void stageSeriesAreFlattenedAndOtherFamiliesLeftOut() throws Exception {
    try (TestPorts ports = new TestPorts(system)) {
      StageCounters store = new StageCounters(ports.metrics, "auth", "store");
      store.accepted();
      store.count(StageCounters.Outcome.SHED, "shed_oldest", 4);
      ports.metrics.counter("ben_other_total", "Not a stage series.", Labels.NONE).inc();

      JsonNode message =
          JSON.readTree(CountersMessage.render(JSON, ports.metrics, ports.live, 1234L));
      assertEquals("counters", message.get("type").asText());
      assertEquals(1234L, message.get("at").asLong());
      assertEquals(0, message.get("live_dropped").asLong());
      assertEquals(
          JSON.readTree(
              """
              [
                {"outcome":"accepted","pipeline":"auth","reason":"","stage":"store","value":1},
                {"outcome":"forwarded","pipeline":"auth","reason":"","stage":"store","value":0},
                {"outcome":"shed","pipeline":"auth","reason":"shed_oldest","stage":"store","value":4}
              ]
              """),
          message.get("series"));
    }
  }

  @Test
  void withNoStageSeriesTheListIsEmpty() throws Exception {
    try (TestPorts ports = new TestPorts(system)) {
      JsonNode message = JSON.readTree(CountersMessage.render(JSON, ports.metrics, ports.live, 0));
      assertEquals(0, message.get("series").size());
    }
  }
}
