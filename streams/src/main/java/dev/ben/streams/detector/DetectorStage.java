package dev.ben.streams.detector;

import dev.ben.contracts.engine.ContractRuntime;
import dev.ben.contracts.engine.DetectorRuntime.Detection;
import dev.ben.contracts.engine.EvaluationResult;
import dev.ben.contracts.engine.playbook.PlaybookOutcome;
import dev.ben.contracts.event.Event;
import dev.ben.streams.flow.Coalescing;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.metrics.Buckets;
import dev.ben.streams.metrics.StageLatency;
import dev.ben.streams.spine.ContractSlot;
import dev.ben.streams.spine.PlaybookFirings;
import dev.ben.streams.spine.RedactedBody;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Flow;

/**
 * The detector stage's logic. Events arrive in rounds (those that waited while the last rounds were
 * out, at most a batch); each round's evaluated events are grouped by contract version, schema and
 * shard, every group goes to its shard in one message, and the answers complete each event's
 * decisions, in arrival order. Several rounds may be out at once: they leave in order from this one
 * stage, so each shard receives a key's events in order (a round asked again because its version
 * was not loaded yet is the exception). Then whoever waits for an event's decision (an invocation)
 * is told, fired playbooks' signals go out and suppressed ones are reported. An event whose shard
 * cannot detect (its version is not loaded there, or it does not answer) goes on undetected and is
 * counted in {@link DetectorSkips}: its detection is lost, never the event.
 */
public final class DetectorStage {

  /** The stage's label in {@code ben_stage_batch_seconds}, as the graph's stage kinds name it. */
  private static final String STAGE = "detector";

  private final ContractSlot slot;
  private final DetectorShards shards;
  private final int shardCount;
  private final DetectorClock clock;
  private final PlaybookFirings firings;
  private final DetectorSkips skips;
  private final DistributionDataPoint roundSeconds;

  private DetectorStage(
      ContractSlot slot,
      DetectorShards shards,
      int shardCount,
      DetectorClock clock,
      PlaybookFirings firings,
      DetectorSkips skips) {
    this.slot = slot;
    this.shards = shards;
    this.shardCount = shardCount;
    this.clock = clock;
    this.firings = firings;
    this.skips = skips;
    this.roundSeconds = StageLatency.of(skips.registry(), skips.pipeline(), STAGE);
  }

  /**
   * The stage over batches of events, as a pipeline's graph runs it: waiting batches are joined
   * into rounds of up to {@code batchSize} events (a larger batch is one round), and each round
   * leaves as one batch, in order.
   */
  public static Flow<List<Envelope>, List<Envelope>, NotUsed> detectingBatches(
      ContractSlot slot,
      DetectorShards shards,
      int shardCount,
      int batchSize,
      int roundsInFlight,
      DetectorClock clock,
      PlaybookFirings firings,
      DetectorSkips skips) {
    DetectorStage stage = new DetectorStage(slot, shards, shardCount, clock, firings, skips);
    // A round is what arrived while the previous one was with the shards: no timer (a tick would
    // add its resolution, 10 ms, to every event of a quiet pipeline), full rounds when pressed.
    return Coalescing.merged(batchSize).mapAsync(roundsInFlight, stage::detect);
  }

  CompletionStage<List<Envelope>> detect(List<Envelope> round) {
    long start = System.nanoTime();
    Detection[] found = new Detection[round.size()];
    ShardGroups groups = new ShardGroups(shardCount);
    long roundTime = clock.roundTime();
    // What the last event's version and schema say, looked up again only when they change.
    long version = 0;
    String schema = null;
    ContractRuntime runtime = null;
    List<String> key = List.of();
    boolean detects = false;
    long versionGone = 0;
    for (int i = 0; i < round.size(); i++) {
      Envelope envelope = round.get(i);
      if (envelope.evaluation() == null) {
        continue;
      }
      found[i] = Detection.NONE;
      EvaluationResult result = envelope.evaluation().result();
      if (schema == null
          || version != envelope.evaluation().contractVersion()
          || !schema.equals(result.schema())) {
        version = envelope.evaluation().contractVersion();
        schema = result.schema();
        runtime = slot.held(version).map(active -> active.runtime()).orElse(null);
        detects = runtime != null && runtime.detects(schema);
        key = detects ? runtime.shardKey(schema) : List.of();
      }
      if (runtime == null) {
        versionGone++;
        continue;
      }
      if (!detects) {
        continue;
      }
      // Read from the typed event while nobody built the body: detecting never needs its JSON.
      Event typed = RedactedBody.untouchedEvent(envelope.body());
      int shard = ShardRouter.shardOf(typed, envelope.body(), key, shardCount);
      long now = clock.timeOf(typed, envelope.body(), runtime, schema, roundTime);
      groups
          .of(version, schema, shard)
          .add(
              i,
              new DetectInput(
                  envelope.body(),
                  result.bits(),
                  result.rules(),
                  result.facts(),
                  now,
                  result.decided()));
    }
    if (versionGone > 0) {
      skips.skipped(DetectorSkips.VERSION_GONE, versionGone);
    }
    List<ShardGroups.Group> asked = groups.inOrder();
    CompletableFuture<?>[] asks = new CompletableFuture<?>[asked.size()];
    boolean allAnswered = true;
    for (int g = 0; g < asks.length; g++) {
      ShardGroups.Group group = asked.get(g);
      asks[g] =
          shards
              .detect(slot.pipeline(), group.shard, group.version, group.schema, group.inputs)
              .handle((detections, failure) -> place(group, detections, failure, found))
              .toCompletableFuture();
      allAnswered &= asks[g].isDone();
    }
    // Shards in this process answer at once: no future to wait on, the round leaves now.
    if (allAnswered) {
      return CompletableFuture.completedFuture(finish(round, found, start));
    }
    return CompletableFuture.allOf(asks).thenApply(done -> finish(round, found, start));
  }

  private List<Envelope> finish(List<Envelope> round, Detection[] found, long start) {
    List<Envelope> detected = complete(round, found);
    roundSeconds.observe(Buckets.secondsSince(start));
    return detected;
  }

  private Void place(
      ShardGroups.Group group, List<Detection> detections, Throwable failure, Detection[] found) {
    if (failure != null || detections == null || detections.size() != group.size()) {
      Throwable cause =
          failure instanceof java.util.concurrent.CompletionException
              ? failure.getCause()
              : failure;
      String reason =
          cause instanceof DetectorShards.NotLoaded
              ? DetectorSkips.NOT_LOADED
              : cause instanceof DetectorShards.Refused
                  ? DetectorSkips.REFUSED
                  : DetectorSkips.NO_ANSWER;
      skips.skipped(reason, group.size());
      return null;
    }
    for (int k = 0; k < detections.size(); k++) {
      found[group.position(k)] = detections.get(k);
    }
    return null;
  }

  private List<Envelope> complete(List<Envelope> round, Detection[] found) {
    List<Envelope> out = new ArrayList<>(round.size());
    for (int i = 0; i < round.size(); i++) {
      Envelope envelope = round.get(i);
      if (found[i] == null) {
        out.add(envelope);
        continue;
      }
      Envelope.Evaluation evaluation =
          new Envelope.Evaluation(
              envelope.evaluation().contractVersion(),
              envelope.evaluation().result().withDetection(found[i]));
      Envelope detected = envelope.detected(evaluation);
      if (detected.listener() != null) {
        detected.listener().decided(evaluation);
      }
      if (!found[i].playbooks().isEmpty()) {
        String subject = subjectKey(detected, evaluation);
        for (PlaybookOutcome outcome : found[i].playbooks()) {
          if (outcome.status() == PlaybookOutcome.Status.FIRED) {
            firings.fired(detected, evaluation.contractVersion(), outcome, subject);
          } else {
            firings.suppressed(detected, evaluation.contractVersion(), outcome, subject);
          }
        }
      }
      out.add(detected);
    }
    return out;
  }

  /** Who the decisions on this event are about: its detector key, as handed on by the spine. */
  private String subjectKey(Envelope detected, Envelope.Evaluation evaluation) {
    return slot.held(evaluation.contractVersion())
        .map(
            active ->
                SubjectKey.of(
                    RedactedBody.untouchedEvent(detected.body()),
                    detected.body(),
                    active.runtime().shardKey(evaluation.result().schema())))
        .orElse(null);
  }
}
