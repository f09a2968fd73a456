package dev.ben.tests.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.streams.store.AnalyticalStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;

/**
 * Events numbered {@code seq} 0, 1, 2, … posted as NDJSON to a node's {@code demo} pipeline, and
 * which of them the node acknowledged: a request answered {@code 200} with every line accepted
 * acknowledges all of its numbers; any other outcome (refused, overloaded, connection reset by a
 * killed node) acknowledges none. Then the store is asked which numbers it holds, and how often.
 * Not thread-safe: one sender.
 */
public final class NumberedEvents {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PIPELINE = "demo";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String appKey;
  private final BitSet acknowledged = new BitSet();
  private int next;

  public NumberedEvents(String appKey) {
    this.appKey = appKey;
  }

  /**
   * Posts the next {@code count} numbers in one request to the node whose ingest port this is; true
   * when the node acknowledged them all.
   */
  public boolean post(int ingestPort, int count) throws InterruptedException {
    int first = next;
    next += count;
    HttpResponse<String> answer;
    try {
      answer = http.send(request(ingestPort, first, count), HttpResponse.BodyHandlers.ofString());
    } catch (IOException refusedOrReset) {
      return false;
    }
    if (answer.statusCode() != 200 || accepted(answer.body()) != count) {
      return false;
    }
    acknowledged.set(first, first + count);
    return true;
  }

  /** How many numbers were acknowledged. */
  public int acknowledged() {
    return acknowledged.cardinality();
  }

  /** How many numbers were sent, acknowledged or not. */
  public int sent() {
    return next;
  }

  /**
   * What the store holds of the {@code demo} pipeline: rows (one per event id, after
   * deduplication), distinct numbers, and how many acknowledged numbers are missing.
   */
  public Stored stored(AnalyticalStore store) {
    // Bodies parsed here rather than in SQL: ClickHouse 18.16 and DuckDB share no JSON function.
    List<ObjectNode> rows =
        store.queryJson("SELECT body FROM ben_events FINAL WHERE pipeline = '" + PIPELINE + "'");
    BitSet present = new BitSet();
    for (ObjectNode row : rows) {
      present.set(seq(row.get("body").asText()));
    }
    BitSet missing = (BitSet) acknowledged.clone();
    missing.andNot(present);
    return new Stored(rows.size(), present.cardinality(), missing.cardinality());
  }

  private static int seq(String body) {
    try {
      return JSON.readTree(body).get("seq").asInt();
    } catch (IOException e) {
      throw new AssertionError("a stored body that is not an event of this test: " + body, e);
    }
  }

  /** The store's view of the numbered events. */
  public record Stored(long rows, int distinct, int missingAcknowledged) {}

  private HttpRequest request(int port, int first, int count) {
    StringBuilder body = new StringBuilder(count * 64);
    for (int seq = first; seq < first + count; seq++) {
      body.append("{\"seq\":")
          .append(seq)
          .append(",\"user\":\"u")
          .append(seq % 50)
          .append("\",\"action\":\"view\"}\n");
    }
    return HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/api/v1/events?pipeline=" + PIPELINE))
        .header("Authorization", "Bearer " + appKey)
        .header("Content-Type", "application/x-ndjson")
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
        .build();
  }

  private static long accepted(String body) {
    try {
      JsonNode answer = JSON.readTree(body);
      return answer.path("accepted").asLong(-1);
    } catch (IOException notJson) {
      return -1;
    }
  }
}
