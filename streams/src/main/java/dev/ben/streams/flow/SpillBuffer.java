package dev.ben.streams.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.engine.EvaluationResult;
import dev.ben.streams.rocks.RocksIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Batches the store could not take, waiting on disk (RocksDB) in arrival order until it can,
 * bounded in bytes per pipeline. They survive a restart of the node: what is found on open is
 * drained first. Used by one stage at a time.
 */
public final class SpillBuffer {

  /** One spilled batch, as read back. */
  public record Spilled(String key, List<Envelope> batch, int bytes) {}

  private final RocksIndex index;
  private final String prefix;
  private final long maxBytes;
  private final ObjectMapper mapper;
  // Written by the one stage using the buffer, read by metrics gauges on other threads.
  private volatile long bytes;
  private long next;
  private volatile int batches;

  /** The kind of the store's buffer; other users name their own. */
  public static final String SPILL = "spill";

  public SpillBuffer(RocksIndex index, String pipeline, long maxBytes, ObjectMapper mapper) {
    this(index, SPILL, pipeline, maxBytes, mapper);
  }

  /**
   * A buffer of its own kind ({@code spill}, {@code lucius}, ...), kept apart from the others in
   * the index.
   */
  public SpillBuffer(
      RocksIndex index, String kind, String pipeline, long maxBytes, ObjectMapper mapper) {
    this.index = index;
    this.prefix = kind + "/" + pipeline + "/";
    this.maxBytes = maxBytes;
    this.mapper = mapper;
    for (Map.Entry<String, String> entry : index.scan(prefix, Integer.MAX_VALUE)) {
      bytes += size(entry.getValue());
      batches++;
      next = Math.max(next, Long.parseLong(entry.getKey().substring(prefix.length())) + 1);
    }
  }

  /** What a buffer of this kind holds for the pipeline, read without opening one. */
  public static Waiting waiting(RocksIndex index, String kind, String pipeline) {
    int batches = 0;
    long bytes = 0;
    for (Map.Entry<String, String> entry :
        index.scan(kind + "/" + pipeline + "/", Integer.MAX_VALUE)) {
      bytes += size(entry.getValue());
      batches++;
    }
    return new Waiting(batches, bytes);
  }

  /** Batches, and their bytes, waiting in a buffer. */
  public record Waiting(int batches, long bytes) {}

  /** Writes the batch behind the others; false (nothing written) when it would exceed the bound. */
  public boolean push(List<Envelope> batch) {
    String encoded = encode(batch);
    int size = size(encoded);
    if (bytes + size > maxBytes) {
      return false;
    }
    index.put(prefix + String.format("%020d", next++), encoded);
    bytes += size;
    batches++;
    return true;
  }

  /** The batch waiting longest. */
  public Optional<Spilled> oldest() {
    return index.scan(prefix, 1).stream()
        .findFirst()
        .map(
            entry -> new Spilled(entry.getKey(), decode(entry.getValue()), size(entry.getValue())));
  }

  /** Forgets a batch once the store took it. */
  public void remove(Spilled spilled) {
    index.delete(spilled.key());
    bytes -= spilled.bytes();
    batches--;
  }

  public boolean isEmpty() {
    return batches == 0;
  }

  public long bytes() {
    return bytes;
  }

  /** Batches waiting. */
  public int batches() {
    return batches;
  }

  private static int size(String encoded) {
    return encoded.getBytes(StandardCharsets.UTF_8).length;
  }

  private String encode(List<Envelope> batch) {
    ArrayNode array = mapper.createArrayNode();
    for (Envelope e : batch) {
      ObjectNode item =
          array
              .addObject()
              .put("id", e.eventId())
              .put("pipeline", e.pipeline())
              .put("app", e.app())
              .put("received", e.receivedAtMillis());
      item.set("body", e.body());
      if (e.evaluation() != null) {
        item.put("version", e.evaluation().contractVersion());
        item.set("result", mapper.valueToTree(e.evaluation().result()));
      }
    }
    return array.toString();
  }

  private List<Envelope> decode(String encoded) {
    try {
      List<Envelope> batch = new ArrayList<>();
      for (JsonNode item : mapper.readTree(encoded.getBytes(StandardCharsets.UTF_8))) {
        Envelope.Evaluation evaluation =
            item.has("result")
                ? new Envelope.Evaluation(
                    item.get("version").asLong(),
                    mapper.treeToValue(item.get("result"), EvaluationResult.class))
                : null;
        batch.add(
            new Envelope(
                item.get("id").asText(),
                item.get("pipeline").asText(),
                item.get("app").asText(),
                item.get("received").asLong(),
                (ObjectNode) item.get("body"),
                evaluation,
                null));
      }
      return batch;
    } catch (IOException e) {
      throw new UncheckedIOException("a spilled batch under " + prefix + " does not read back", e);
    }
  }
}
