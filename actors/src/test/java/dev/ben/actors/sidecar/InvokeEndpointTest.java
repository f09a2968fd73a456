package dev.ben.actors.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import dev.ben.actors.testing.Await;
import dev.ben.actors.testing.CapturedLogs;
import dev.ben.actors.testing.ControlClient;
import dev.ben.actors.testing.PingContracts;
import dev.ben.actors.testing.TestNode;
import dev.ben.api.control.InvokeReply;
import dev.ben.api.control.InvokeRequest;
import dev.ben.api.control.InvokeServiceClient;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageCounters.Outcome;
import io.grpc.Status;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.grpc.GrpcClientSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/v1/invoke/{pipeline}} and its gRPC twin on the control port, against a node
 * running the acting ping contract.
 */
@CapturedLogs
class InvokeEndpointTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INVOKE = "/api/v1/invoke/" + PingContracts.PIPELINE;
  private static final ConcurrentLinkedQueue<Envelope> rawEvents = new ConcurrentLinkedQueue<>();

  /** Where the test's signing keys are written; JUnit deletes it. */
  @TempDir static Path keyDir;

  private static TestNode node;
  private static long version;
  private static InvokeServiceClient invokeClient;

  @BeforeAll
  static void start() throws Exception {
    PingContracts contracts = new PingContracts(keyDir);
    node =
        new TestNode(
            "ben.node.pass-through-pipelines = [demo]\nben.flow.store-batch-interval = 50ms\n"
                + "ben.ledger.trusted-keys = [\""
                + contracts.publicKey()
                + "\"]",
            rawEvents::addAll);
    try (ControlClient control = new ControlClient(node)) {
      version = control.stage(contracts.actingBundle()).getStaged(0).getVersion();
      assertEquals(
          version,
          control
              .deploy(PingContracts.PIPELINE, version, Duration.ofSeconds(20))
              .getActiveVersion());
    }
    invokeClient =
        InvokeServiceClient.create(
            GrpcClientSettings.connectToServiceAt(
                    "127.0.0.1", node.endpoints.control().port(), node.system)
                .withTls(false),
            node.system);
    // The sidecar registers its ingress when it starts, which may trail the activation.
    Await.until(
        () -> invoke(INVOKE, "{\"id\":\"warm\",\"n\":1}").statusCode() == 200,
        "the pipeline is invocable",
        Duration.ofSeconds(20));
  }

  @AfterAll
  static void stop() throws Exception {
    invokeClient.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
    node.close();
  }

  private static HttpResponse<String> invoke(String path, String body) {
    try {
      return node.post(path, body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theAnswerIsTheSpinesDecisionAndTheEventTakesTheNormalPath() throws Exception {
    HttpResponse<String> response =
        invoke(INVOKE + "?app=shop", "{\"id\":\"i1\",\"n\":7,\"email\":\"a@b.example\"}");
    assertEquals(200, response.statusCode(), response.body());
    JsonNode answer = JSON.readTree(response.body());
    assertEquals(version, answer.get("contract_version").asLong());
    assertEquals("pass", answer.get("action").asText());
    assertEquals(0, answer.get("rules").size());
    assertTrue(
        answer.has("bits")
            && answer.has("facts")
            && answer.has("detectors")
            && answer.has("playbooks"),
        response.body());
    String eventId = answer.get("event_id").asText();
    String stored = "SELECT * FROM pings WHERE event_id = '" + eventId + "'";
    Await.until(
        () -> node.rows("pings") > 0 && !node.store.queryJson(stored).isEmpty(),
        "the invoked event is stored in the schema's table",
        Duration.ofSeconds(10));
    JsonNode kept = node.store.queryJson(stored).get(0);
    assertEquals("shop", kept.get("app").asText());
    assertEquals(version, kept.get("contract_version").asLong());
    assertTrue(
        !kept.toString().contains("a@b.example") && !kept.get("email").isNull(),
        "stored redacted: " + kept);
    assertTrue(rawEvents.isEmpty(), "nothing of a contract-driven pipeline goes to ben_events");
  }

  @Test
  void aDroppedEventIsAnsweredWithTheRuleThatDroppedIt() throws Exception {
    HttpResponse<String> response = invoke(INVOKE, "{\"id\":\"i2\",\"n\":500}");
    assertEquals(200, response.statusCode(), response.body());
    JsonNode answer = JSON.readTree(response.body());
    assertEquals("drop_with_reason(too big)", answer.get("action").asText());
    assertEquals("drop_huge", answer.get("rules").get(0).asText());
  }

  @Test
  void badInputIsRefusedWithAReason() {
    StageCounters sidecar = new StageCounters(node.metrics, PingContracts.PIPELINE, "sidecar");
    long malformed = sidecar.value(Outcome.REFUSED, "malformed_json");
    HttpResponse<String> notJson = invoke(INVOKE, "{nope");
    assertEquals(400, notJson.statusCode(), notJson.body());
    assertEquals(malformed + 1, sidecar.value(Outcome.REFUSED, "malformed_json"));
    HttpResponse<String> twice = invoke(INVOKE, "{\"id\":\"i4\",\"n\":1,\"n\":2}");
    assertEquals(400, twice.statusCode(), twice.body());
    assertTrue(twice.body().contains("the key `n` appears twice"), twice.body());
    assertEquals(1, sidecar.value(Outcome.REFUSED, "duplicate_key"));
    HttpResponse<String> wrongType = invoke(INVOKE, "{\"id\":\"i3\",\"n\":\"many\"}");
    assertEquals(422, wrongType.statusCode(), wrongType.body());
    assertTrue(wrongType.body().contains("n"), wrongType.body());
    assertEquals(404, invoke("/api/v1/invoke/nope", "{}").statusCode());
    HttpResponse<String> passThrough = invoke("/api/v1/invoke/demo", "{\"a\":1}");
    assertEquals(409, passThrough.statusCode(), passThrough.body());
    assertTrue(passThrough.body().contains("runs no contract"), passThrough.body());
  }

  @Test
  void theGrpcTwinAnswersFieldByFieldWhatHttpAnswers() throws Exception {
    JsonNode http = JSON.readTree(invoke(INVOKE + "?app=shop", "{\"id\":\"g1\",\"n\":500}").body());
    InvokeReply grpc = grpc("shop", "{\"id\":\"g2\",\"n\":500}", PingContracts.PIPELINE);
    assertEquals(http.get("pipeline").asText(), grpc.getPipeline());
    assertEquals(http.get("contract_version").asLong(), grpc.getContractVersion());
    assertEquals(http.get("schema").asText(), grpc.getSchema());
    assertEquals(http.get("action").asText(), grpc.getAction());
    assertEquals(texts(http.get("rules")), grpc.getRulesList());
    assertEquals(texts(http.get("bits")), grpc.getBitsList());
    assertEquals(JSON.convertValue(http.get("facts"), java.util.Map.class), grpc.getFactsMap());
    assertEquals(http.get("detectors").size(), grpc.getDetectorsCount());
    assertEquals(http.get("playbooks"), JSON.readTree(grpc.getPlaybooksJson()));
    assertEquals(http.get("score").isNumber(), grpc.hasScore());
    assertTrue(
        !grpc.getEventId().isEmpty() && !grpc.getEventId().equals(http.get("event_id").asText()),
        "each invocation is an event of its own");
  }

  @Test
  void theGrpcTwinRefusesWithTheStatusCodesOfTheOtherControlServices() {
    assertEquals(Status.Code.UNAUTHENTICATED, grpcRefusal(null, "{}", PingContracts.PIPELINE));
    assertEquals(Status.Code.PERMISSION_DENIED, grpcRefusal("other", "{}", PingContracts.PIPELINE));
    assertEquals(Status.Code.NOT_FOUND, grpcRefusal("shop", "{}", "nope"));
    assertEquals(Status.Code.FAILED_PRECONDITION, grpcRefusal("shop", "{\"a\":1}", "demo"));
    assertEquals(
        Status.Code.INVALID_ARGUMENT, grpcRefusal("shop", "{nope", PingContracts.PIPELINE));
    assertEquals(Status.Code.INVALID_ARGUMENT, grpcRefusal("shop", "{}", "a/b"));
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new java.util.ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }

  private static InvokeReply grpc(String app, String event, String pipeline) throws Exception {
    return grpcCall(app, event, pipeline).toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  /** The call as {@code app} (its key, and a claim of another app when it is `other`). */
  private static java.util.concurrent.CompletionStage<InvokeReply> grpcCall(
      String app, String event, String pipeline) {
    var call = invokeClient.invoke();
    if (app != null) {
      call = call.addHeader("authorization", "Bearer " + node.appKey("shop"));
      if (!app.equals("shop")) {
        call = call.addHeader("x-ben-app", app);
      }
    }
    return call.invoke(
        InvokeRequest.newBuilder()
            .setPipeline(pipeline)
            .setEventJson(ByteString.copyFromUtf8(event))
            .build());
  }

  private static Status.Code grpcRefusal(String app, String event, String pipeline) {
    ExecutionException failed =
        assertThrows(
            ExecutionException.class,
            () -> grpcCall(app, event, pipeline).toCompletableFuture().get(20, TimeUnit.SECONDS));
    return Status.fromThrowable(failed.getCause()).getCode();
  }
}
