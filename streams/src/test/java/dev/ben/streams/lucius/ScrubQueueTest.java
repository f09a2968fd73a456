package dev.ben.streams.lucius;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.flow.SpillBuffer;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.rocks.RocksIndex;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScrubQueueTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static Envelope event(String id) {
    return new Envelope(
        id,
        "auth",
        "shop",
        1,
        JsonNodeFactory.instance.objectNode().put("id", id).put("attachment", "x".repeat(100)));
  }

  @Test
  void queuesInOrderUpToItsBoundAndSurvivesARestart() {
    MetricsRegistry metrics = new MetricsRegistry();
    Labels labels = Labels.of("pipeline", "auth");
    try (RocksIndex index = RocksIndex.open(dir)) {
      ScrubQueue queue = new ScrubQueue(index, "auth", 400, JSON, metrics);
      assertTrue(queue.offer(event("a")));
      assertTrue(queue.offer(event("b")));
      assertFalse(queue.offer(event("c")), "a third event would pass 400 bytes");
      assertEquals(2, queue.events());
      assertEquals(2, metrics.value("ben_lucius_queue_events", labels));
      assertTrue(metrics.value("ben_lucius_queue_bytes", labels) > 200);
    }
    try (RocksIndex index = RocksIndex.open(dir)) {
      ScrubQueue reopened = new ScrubQueue(index, "auth", 400, JSON, new MetricsRegistry());
      assertEquals(2, reopened.events(), "nothing is lost across a restart");
      assertEquals("a", reopened.oldest().orElseThrow().eventId());
      reopened.removeOldest();
      assertEquals("b", reopened.oldest().orElseThrow().eventId());
      assertTrue(reopened.offer(event("c")), "room again once the scrub took one");
    }
  }

  @Test
  void pipelinesHaveTheirOwnQueuesApartFromSpilledBatches() {
    try (RocksIndex index = RocksIndex.open(dir)) {
      new ScrubQueue(index, "auth", 10_000, JSON, new MetricsRegistry()).offer(event("a"));
      assertEquals(0, new ScrubQueue(index, "web", 10_000, JSON, new MetricsRegistry()).events());
      assertTrue(new SpillBuffer(index, "auth", 10_000, JSON).isEmpty());
    }
  }

  @Test
  void whatWaitsIsReadWithoutOpeningTheBufferKindByKind() {
    try (RocksIndex index = RocksIndex.open(dir)) {
      ScrubQueue queue = new ScrubQueue(index, "auth", 10_000, JSON, new MetricsRegistry());
      queue.offer(event("a"));
      queue.offer(event("b"));
      SpillBuffer spill = new SpillBuffer(index, "auth", 10_000, JSON);
      spill.push(java.util.List.of(event("c"), event("d"), event("e")));

      SpillBuffer.Waiting scrub = SpillBuffer.waiting(index, ScrubQueue.KIND, "auth");
      SpillBuffer.Waiting spilled = SpillBuffer.waiting(index, SpillBuffer.SPILL, "auth");
      assertEquals(2, scrub.batches());
      assertEquals(queue.bytes(), scrub.bytes());
      assertEquals(1, spilled.batches());
      assertEquals(spill.bytes(), spilled.bytes());
      assertEquals(0, SpillBuffer.waiting(index, SpillBuffer.SPILL, "web").batches());
    }
  }
}
