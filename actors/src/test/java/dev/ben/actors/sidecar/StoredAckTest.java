package dev.ben.actors.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.actors.testing.Await;
import dev.ben.actors.testing.CapturedLogs;
import dev.ben.actors.testing.ControlClient;
import dev.ben.actors.testing.PingContracts;
import dev.ben.actors.testing.TestNode;
import dev.ben.client.Ack;
import dev.ben.client.BenSocketClient;
import dev.ben.streams.store.AnalyticalStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ben.ingest.ack = stored} on the paths besides {@code /events}: an invocation and a socket
 * batch are answered only once the store took their events, or with {@code unconfirmed} once the
 * ack timeout passed.
 */
@CapturedLogs
class StoredAckTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INVOKE = "/api/v1/invoke/" + PingContracts.PIPELINE;

  /** The node's home; JUnit deletes it. */
  @TempDir static Path nodeHome;

  /** Where the test's signing keys are written; JUnit deletes it. */
  @TempDir static Path keyDir;

  private static StoreGate gate;
  private static TestNode node;

  @BeforeAll
  static void start() throws Exception {
    PingContracts contracts = new PingContracts(keyDir);
    node =
        new TestNode(
            "ben.node.pass-through-pipelines = []\nben.flow.store-batch-interval = 20ms\n"
                + "ben.ingest { ack = stored, ack-timeout = 5s }\n"
                + "ben.ledger.trusted-keys = [\""
                + contracts.publicKey()
                + "\"]",
            batch -> {},
            nodeHome,
            store -> gate = new StoreGate(store));
    try (ControlClient control = new ControlClient(node)) {
      long version =
          control
              .stage(contracts.actingBundleWithSidecar("http, uds \"pings.sock\""))
              .getStaged(0)
              .getVersion();
      assertEquals(
          version,
          control
              .deploy(PingContracts.PIPELINE, version, Duration.ofSeconds(20))
              .getActiveVersion());
    }
    // The sidecar registers its ingress when it starts, which may trail the activation.
    Await.until(
        () -> invoke("{\"id\":\"warm\",\"n\":1}").statusCode() == 200,
        "the pipeline is invocable",
        Duration.ofSeconds(20));
  }

  @AfterAll
  static void stop() throws Exception {
    gate.release();
    node.close();
  }

  private static HttpResponse<String> invoke(String body) {
    try {
      return node.post(INVOKE, body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anInvocationIsAnsweredOnlyOnceTheStoreTookItsEvent() throws Exception {
    CompletableFuture<HttpResponse<String>> answer;
    gate.hold();
    try {
      answer =
          node.http()
              .sendAsync(
                  node.request(INVOKE)
                      .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"held-invoke\",\"n\":1}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      Await.until(
          () -> gate.holds("held-invoke"), "the store holds the event", Duration.ofSeconds(20));
      assertFalse(answer.isDone(), "no answer while the store holds the event");
    } finally {
      gate.release();
    }
    HttpResponse<String> response = answer.get(20, TimeUnit.SECONDS);
    assertEquals(200, response.statusCode(), response.body());
    JsonNode body = JSON.readTree(response.body());
    assertEquals("pass", body.get("action").asText());
    assertFalse(body.has("unconfirmed"), response.body());
  }

  @Test
  void anInvocationNotStoredWithinTheAckTimeoutIsAnsweredUnconfirmed() throws Exception {
    HttpResponse<String> response;
    gate.hold();
    try {
      response = invoke("{\"id\":\"late-invoke\",\"n\":1}");
      assertTrue(gate.holds("late-invoke"), "answered while the store held the event");
    } finally {
      gate.release();
    }
    assertEquals(200, response.statusCode(), response.body());
    JsonNode body = JSON.readTree(response.body());
    assertEquals("pass", body.get("action").asText(), "the decision is still answered");
    assertEquals(1, body.get("unconfirmed").asLong(), response.body());
    assertTrue(body.get("warning").asText().contains("do not resend"), response.body());
  }

  @Test
  void aSocketBatchIsAckedOnlyOnceTheStoreTookIt() throws Exception {
    try (BenSocketClient client = openSession()) {
      CompletableFuture<Ack> ack;
      gate.hold();
      try {
        ack =
            CompletableFuture.supplyAsync(
                () ->
                    send(
                        client,
                        List.of(
                            "{\"id\":\"held-socket-1\",\"n\":1}",
                            "{\"id\":\"held-socket-2\",\"n\":2}")));
        // The store's batching may split the two events; the ack waits for both, so holding
        // either one shows whether the ack waits for the store.
        Await.until(
            () -> gate.holds("held-socket-"),
            "the store holds an event of the batch",
            Duration.ofSeconds(20));
        assertFalse(ack.isDone(), "no ack while the store holds an event of the batch");
      } finally {
        gate.release();
      }
      Ack acked = ack.get(20, TimeUnit.SECONDS);
      assertEquals(2, acked.accepted(), acked.toString());
    }
  }

  private static BenSocketClient openSession() {
    Queue<BenSocketClient> opened = new ConcurrentLinkedQueue<>();
    Await.until(
        () -> {
          try {
            opened.add(
                BenSocketClient.tcp(
                    "127.0.0.1",
                    node.endpoints.socket().port(),
                    node.appKey("shop"),
                    PingContracts.PIPELINE));
            return true;
          } catch (Exception notYet) {
            return false;
          }
        },
        "a socket session opens",
        Duration.ofSeconds(20));
    return opened.remove();
  }

  private static Ack send(BenSocketClient client, List<String> lines) {
    try {
      return client.send(lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Holds writes to the schema's table while shut, keeping the rows it holds to say so. */
  private static final class StoreGate implements AnalyticalStore {

    private final AnalyticalStore store;
    private final Queue<String> held = new ConcurrentLinkedQueue<>();
    private volatile CountDownLatch open = new CountDownLatch(0);

    StoreGate(AnalyticalStore store) {
      this.store = store;
    }

    void hold() {
      open = new CountDownLatch(1);
    }

    void release() {
      open.countDown();
    }

    boolean holds(String id) {
      return held.stream().anyMatch(row -> row.contains(id));
    }

    @Override
    public void insertJsonRows(String table, List<String> jsonRows) {
      CountDownLatch shut = open;
      if (table.equals("pings") && shut.getCount() > 0) {
        held.addAll(jsonRows);
        try {
          shut.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while held", e);
        }
      }
      store.insertJsonRows(table, jsonRows);
    }

    @Override
    public void execute(String sql) {
      store.execute(sql);
    }

    @Override
    public List<ObjectNode> queryJson(String sql) {
      return store.queryJson(sql);
    }

    @Override
    public String describe() {
      return store.describe();
    }

    @Override
    public boolean embedded() {
      return store.embedded();
    }

    @Override
    public boolean feedsReplicas() {
      return store.feedsReplicas();
    }

    @Override
    public void close() {
      store.close();
    }
  }
}
