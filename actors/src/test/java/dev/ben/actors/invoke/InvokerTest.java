package dev.ben.actors.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.actors.pipeline.PipelineDirectory;
import dev.ben.actors.pipeline.PipelineTable;
import dev.ben.contracts.engine.EvaluationResult;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageCounters.Outcome;
import dev.ben.streams.sidecar.EventParser;
import dev.ben.streams.wal.IngestLog;
import dev.ben.streams.wal.WalRefusedException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.QueueOfferResult;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The invocation logic both transports share, without a node: table, log and queue stand in. */
class InvokerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EVENT = "{\"user\":\"ann\",\"n\":1}";

  private final MetricsRegistry metrics = new MetricsRegistry();
  private final StageCounters sidecar = new StageCounters(metrics, "auth", "sidecar");
  private final StandInLog log = StandInLog.holding();
  private final PipelineTable table = new PipelineTable();
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
  private final Invoker invoker =
      new Invoker(
          table,
          new EventParser(JSON, 256),
          256,
          Duration.ofMillis(200),
          (delay, action) -> {
            var scheduled = timers.schedule(action, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> scheduled.cancel(false);
          },
          metrics);

  @AfterEach
  void stopTimers() {
    timers.shutdownNow();
  }

  private static final Consumer<Envelope> DECIDES =
      envelope ->
          envelope
              .listener()
              .decided(
                  new Envelope.Evaluation(
                      7,
                      new EvaluationResult(
                          "login",
                          List.of("failed"),
                          List.of("lockout"),
                          "block",
                          Map.of("user", "ann"),
                          Map.of(),
                          Map.of("rate.ewma", 2.5),
                          List.of(),
                          2.5,
                          null)));

  @Test
  void aDecidedEventIsAnsweredWithTheSpinesEvaluationAfterTheLogHeldIt() throws Exception {
    ScriptedQueue queue = new ScriptedQueue(QueueOfferResult.enqueued(), DECIDES);
    serve(queue, log);
    InvokeOutcome.Decided decided = assertInstanceOf(InvokeOutcome.Decided.class, outcome(EVENT));
    assertEquals(7, decided.evaluation().contractVersion());
    assertEquals("block", decided.evaluation().result().action());
    assertEquals("auth", decided.envelope().pipeline());
    assertEquals("shop", decided.envelope().app());
    assertEquals(
        StandInLog.POSITION,
        queue.entered.get(0).walSequence(),
        "what entered is where the log holds it");
    assertEquals(
        List.of(EVENT), log.sent, "the log keeps the body as it was sent, not re-rendered");
    assertEquals(0, decided.unconfirmed());
    assertEquals(1, sidecar.total(Outcome.ACCEPTED));
  }

  @Test
  void aPipelineThatDoesNotRunHereIsNotFoundWithTheOnesThatDo() throws Exception {
    serve(new ScriptedQueue(QueueOfferResult.enqueued(), DECIDES), log);
    InvokeOutcome.Refused refused = refused(invoker.invoke("billing", "shop", EVENT.getBytes()));
    assertEquals(InvokeRefusal.UNKNOWN_PIPELINE, refused.refusal());
    assertEquals(List.of("auth"), refused.running());
    assertTrue(refused.message().contains("running here: auth"), refused.message());
  }

  @Test
  void aPipelineNoContractDecidesCannotBeInvoked() throws Exception {
    publish(ingress(false, log), Optional.empty());
    assertEquals(InvokeRefusal.NOT_DECIDED, refused(invoke(EVENT)).refusal());
  }

  @Test
  void whatIsNotOneJsonObjectWithinTheLimitIsABadEventCountedWithItsReason() throws Exception {
    serve(new ScriptedQueue(QueueOfferResult.enqueued(), DECIDES), log);
    InvokeOutcome.Refused malformed = refused(invoke("{\"user\":"));
    assertEquals(InvokeRefusal.BAD_EVENT, malformed.refusal());
    assertEquals(1, sidecar.value(Outcome.REFUSED, "malformed_json"));
    assertEquals(InvokeRefusal.BAD_EVENT, refused(invoke("  ")).refusal());
    InvokeOutcome.Refused large = refused(invoke("{\"a\":\"" + "x".repeat(300) + "\"}"));
    assertEquals(InvokeRefusal.BAD_EVENT, large.refusal());
    assertTrue(large.message().contains("256 bytes"), large.message());
    assertEquals(0, sidecar.total(Outcome.ACCEPTED));
  }

  @Test
  void aFullQueueIsRefusedCountedAndTheLoggedEventForgottenSoAResendIsNoDuplicate()
      throws Exception {
    serve(new ScriptedQueue(QueueOfferResult.dropped(), DECIDES), log);
    InvokeOutcome.Refused refused = refused(invoke(EVENT));
    assertEquals(InvokeRefusal.QUEUE_FULL, refused.refusal());
    assertTrue(refused.message().contains("resend"), refused.message());
    assertEquals(1, log.forgotten.size());
    assertEquals(1, refusedRequests("invoke_queue_full"));
    assertEquals(0, sidecar.total(Outcome.ACCEPTED));
  }

  @Test
  void aClosedQueueMeansThePipelineStopped() throws Exception {
    serve(new ScriptedQueue(QueueOfferResult.closed(), DECIDES), log);
    assertEquals(InvokeRefusal.PIPELINE_STOPPED, refused(invoke(EVENT)).refusal());
    assertEquals(1, log.forgotten.size());
    assertEquals(1, refusedRequests("pipeline_stopped"));
  }

  @Test
  void theContractsRefusalIsPassedOn() throws Exception {
    serve(
        new ScriptedQueue(
            QueueOfferResult.enqueued(), envelope -> envelope.listener().refused("no schema")),
        log);
    InvokeOutcome.Refused refused = refused(invoke(EVENT));
    assertEquals(InvokeRefusal.REFUSED_BY_CONTRACT, refused.refusal());
    assertEquals("refused: no schema", refused.message());
  }

  @Test
  void noDecisionWithinTheOfferTimeoutIsAnsweredUndecided() throws Exception {
    serve(new ScriptedQueue(QueueOfferResult.enqueued(), envelope -> {}), log);
    InvokeOutcome.Refused refused = refused(invoke(EVENT));
    assertEquals(InvokeRefusal.UNDECIDED, refused.refusal());
    assertTrue(refused.message().contains("200 ms"), refused.message());
  }

  @Test
  void aLogThatRefusesTheEventMeansNothingWasAcceptedAndItIsCountedUnderTheLogsReason()
      throws Exception {
    ScriptedQueue queue = new ScriptedQueue(QueueOfferResult.enqueued(), DECIDES);
    serve(queue, StandInLog.refusing());
    InvokeOutcome.Refused refused = refused(invoke(EVENT));
    assertEquals(InvokeRefusal.NOT_LOGGED, refused.refusal());
    assertEquals(1, sidecar.value(Outcome.REFUSED, WalRefusedException.FULL));
    assertTrue(queue.entered.isEmpty());
  }

  @Test
  void anEventIsDecidedWhileItsWriteSyncsAndAnsweredOnceItIsDurable() throws Exception {
    ScriptedQueue queue = new ScriptedQueue(QueueOfferResult.enqueued(), DECIDES);
    StandInLog writing = StandInLog.writingLater();
    serve(queue, writing);
    CompletableFuture<InvokeOutcome> outcome = invoke(EVENT).toCompletableFuture();

    assertEquals(1, queue.entered.size(), "entered and decided before the write is durable");
    assertFalse(outcome.isDone(), "no answer before the write is durable");
    writing.write.complete(List.of());
    assertInstanceOf(InvokeOutcome.Decided.class, outcome.get(5, TimeUnit.SECONDS));
  }

  @Test
  void aDecisionWhoseWriteFailedIsNotGivenAndTheClientIsToldItMayStillBeStored() throws Exception {
    ScriptedQueue queue = new ScriptedQueue(QueueOfferResult.enqueued(), DECIDES);
    StandInLog writing = StandInLog.writingLater();
    serve(queue, writing);
    CompletionStage<InvokeOutcome> outcome = invoke(EVENT);
    writing.write.completeExceptionally(
        new WalRefusedException(WalRefusedException.WRITE_FAILED, 1, new Exception("disk")));

    InvokeOutcome.Refused refused = refused(outcome);
    assertEquals(InvokeRefusal.NOT_LOGGED, refused.refusal());
    assertTrue(refused.message().contains("not acknowledged"), refused.message());
    assertEquals(1, sidecar.total(Outcome.ACCEPTED), "it entered the pipeline");
  }

  @Test
  void everyRefusalMapsToTheStatusesTheTransportsAnswer() {
    assertEquals(io.grpc.Status.Code.NOT_FOUND, InvokeRefusal.UNKNOWN_PIPELINE.grpcCode());
    assertEquals(404, InvokeRefusal.UNKNOWN_PIPELINE.httpStatus());
    assertEquals(io.grpc.Status.Code.FAILED_PRECONDITION, InvokeRefusal.NOT_DECIDED.grpcCode());
    assertEquals(io.grpc.Status.Code.RESOURCE_EXHAUSTED, InvokeRefusal.QUEUE_FULL.grpcCode());
    assertEquals(io.grpc.Status.Code.UNAVAILABLE, InvokeRefusal.NOT_LOGGED.grpcCode());
    assertEquals(io.grpc.Status.Code.INVALID_ARGUMENT, InvokeRefusal.BAD_EVENT.grpcCode());
    for (InvokeRefusal refusal : InvokeRefusal.values()) {
      assertEquals(refusal.httpStatus() == 503, refusal.retryLater(), refusal.name());
    }
  }

  private InvokeOutcome outcome(String event) throws Exception {
    return invoke(event).toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private CompletionStage<InvokeOutcome> invoke(String event) {
    return invoker.invoke("auth", "shop", event.getBytes());
  }

  private static InvokeOutcome.Refused refused(CompletionStage<InvokeOutcome> outcome)
      throws Exception {
    return assertInstanceOf(
        InvokeOutcome.Refused.class, outcome.toCompletableFuture().get(5, TimeUnit.SECONDS));
  }

  private long refusedRequests(String reason) {
    return metrics.value("ben_ingest_refused_total", Labels.of("reason", reason));
  }

  private void serve(BoundedSourceQueue<Envelope> queue, IngestLog log) {
    publish(ingress(true, log), Optional.of(queue));
  }

  private void publish(
      PipelineDirectory.Ingress ingress, Optional<BoundedSourceQueue<Envelope>> q) {
    TreeMap<String, PipelineTable.Entry> entries = new TreeMap<>();
    entries.put("auth", new PipelineTable.Entry(ingress, q));
    table.publish(entries);
  }

  private PipelineDirectory.Ingress ingress(boolean decides, IngestLog log) {
    return new PipelineDirectory.Ingress(
        "auth",
        Sink.<List<Envelope>>ignore().mapMaterializedValue(done -> NotUsed.getInstance()),
        sidecar,
        decides,
        Optional.empty(),
        log);
  }
}
