package dev.ben.streams.spine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.engine.EvaluationResult;
import dev.ben.contracts.event.Translation;
import dev.ben.contracts.model.Action;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.flow.SentBody;
import dev.ben.streams.flow.Settlement;
import dev.ben.streams.lucius.ScrubQueue;
import dev.ben.streams.lucius.ScrubRoute;
import dev.ben.streams.metrics.StageCounters;
import dev.ben.streams.metrics.StageCounters.Outcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Flow;

/**
 * The spine's logic: each event is translated into the pipeline's schema and evaluated by the
 * contract version the slot holds when the event arrives, then acted on. A {@code drop_with_reason}
 * rule refuses it (counted under its reason), a {@code sample(n)} rule keeps one event in n (the
 * others counted as shed; rule reasons past a contract's cap are counted as {@link
 * ContractReasons#OTHER}), a {@code route lucius} rule sends it to the scrub queue (counted as
 * routed, or refused when the queue is full), and every event that goes on carries the redacted
 * event as its body (so a {@code @pii} value never leaves the spine in clear), the version and its
 * decisions; the detector stage completes those (a dropped or sampled-out event reaches no
 * detector, so whoever waits for it hears the spine's decision here). An event that does not fit
 * the schema is refused and counted, and so is every event that arrives before any version is
 * loaded (the pipeline runs only once one is, so that count stays zero unless something is wrong).
 * Events are read as the pipeline's first schema; choosing among several at the sidecar comes with
 * its protocol.
 */
public final class SpineStage {

  /** Refusal reasons; labels of the stage's refused counter, so they stay few. */
  public static final String NO_CONTRACT = "no contract version loaded";

  public static final String NOT_IN_SCHEMA = "does not fit the schema";

  private final ContractSlot slot;
  private final StageCounters counters;
  private final ObjectMapper mapper;

  /**
   * Events seen per sampling rate, so {@code sample(n)} keeps the first of every n. One per
   * materialisation.
   */
  private final Map<Integer, Long> sampled = new HashMap<>();

  private final ScrubRoute scrub;
  private final Settlement settlement;
  private final int maxReasonLabels;

  /** The reason labels of the contract that evaluated last; made again when the slot swaps. */
  private ContractReasons reasons;

  private SpineStage(
      ContractSlot slot,
      StageCounters counters,
      ObjectMapper mapper,
      ScrubRoute scrub,
      Settlement settlement,
      int maxReasonLabels) {
    this.scrub = scrub;
    this.settlement = settlement;
    this.slot = slot;
    this.counters = counters;
    this.mapper = mapper;
    this.maxReasonLabels = maxReasonLabels;
  }

  /**
   * The stage over batches of events, as a pipeline's graph runs it: each batch leaves as one batch
   * of the events that go on (in order), and a batch none goes on from leaves nothing, so the
   * stages after it pay their per-element cost once per batch.
   *
   * @param settlement told of every event whose outcome is final here (refused, shed or routed)
   * @param maxReasonLabels distinct rule reasons of a contract counted under their own label (see
   *     {@link ContractReasons})
   */
  public static Flow<List<Envelope>, List<Envelope>, NotUsed> evaluatingBatches(
      ContractSlot slot,
      StageCounters counters,
      ObjectMapper mapper,
      ScrubRoute scrub,
      Settlement settlement,
      int maxReasonLabels) {
    return Flow.<List<Envelope>>create()
        .statefulMapConcat(
            () ->
                new SpineStage(slot, counters, mapper, scrub, settlement, maxReasonLabels)
                    ::evaluateBatch);
  }

  private List<List<Envelope>> evaluateBatch(List<Envelope> batch) throws Exception {
    List<Envelope> onward = new ArrayList<>(batch.size());
    for (Envelope envelope : batch) {
      Envelope goesOn = evaluate(envelope);
      if (goesOn != null) {
        onward.add(goesOn);
      }
    }
    return onward.isEmpty() ? List.of() : List.of(onward);
  }

  /** The event as it goes on, or null when its outcome is final here. */
  private Envelope evaluate(Envelope envelope) throws Exception {
    ActiveContract active = slot.current().orElse(null);
    if (active == null) {
      return refused(envelope, NO_CONTRACT);
    }
    String schema = active.runtime().pipeline().schemas().get(0);
    // A body still as sent is translated from its bytes: the tree is never built.
    byte[] sent = SentBody.untouchedJson(envelope.body());
    Translation translation =
        sent != null
            ? active.runtime().translate(schema, sent)
            : active.runtime().translate(schema, envelope.body());
    if (translation instanceof Translation.Refused refusal) {
      return refused(envelope, NOT_IN_SCHEMA, refusal.message());
    }
    EvaluationResult result = active.runtime().decide(((Translation.Accepted) translation).event());
    Envelope.Evaluation evaluation = new Envelope.Evaluation(active.version(), result);
    Action winner = result.winner();
    if (winner instanceof Action.DropWithReason drop) {
      counters.count(Outcome.REFUSED, reasonLabel(active, drop.reason()));
      return decidedHere(envelope, evaluation);
    }
    if (winner instanceof Action.Sample sample && !keep(sample.n())) {
      counters.count(Outcome.SHED, reasonLabel(active, sample.label()));
      return decidedHere(envelope, evaluation);
    }
    ObjectNode redacted = body(result, mapper);
    if (winner instanceof Action.RouteLucius) {
      return routed(envelope.evaluated(redacted, evaluation), evaluation);
    }
    return envelope.evaluated(redacted, evaluation);
  }

  /**
   * The redacted event as the body the spine hands on, built from the typed event (the same JSON as
   * the redacted map's) when first read ({@link RedactedBody}). Nothing changes the typed event
   * afterwards: a detector and the store stage in this process read it.
   */
  public static ObjectNode body(EvaluationResult result, ObjectMapper mapper) {
    return result.decided() != null
        ? RedactedBody.of(result.decided().event(), mapper.getNodeFactory())
        : mapper.valueToTree(result.redacted());
  }

  /**
   * A marked event leaves the hot path for the scrub queue (redacted), or is refused when the queue
   * is full.
   */
  private Envelope routed(Envelope redacted, Envelope.Evaluation evaluation) {
    if (scrub.offer(redacted)) {
      counters.count(Outcome.ROUTED, ScrubQueue.ROUTE);
    } else {
      counters.count(Outcome.REFUSED, ScrubQueue.FULL);
    }
    return decidedHere(redacted, evaluation);
  }

  /**
   * An event that ends here: whoever waits hears the spine's decision (no detector will add to it).
   */
  private Envelope decidedHere(Envelope envelope, Envelope.Evaluation evaluation) {
    settlement.settled(envelope);
    if (envelope.listener() != null) {
      envelope.listener().decided(evaluation);
    }
    return null;
  }

  private Envelope refused(Envelope envelope, String reason) {
    return refused(envelope, reason, reason);
  }

  /** Counts the refusal under its (few) reason and tells a waiting caller the detail. */
  private Envelope refused(Envelope envelope, String reason, String detail) {
    counters.count(Outcome.REFUSED, reason);
    settlement.settled(envelope);
    if (envelope.listener() != null) {
      envelope.listener().refused(detail);
    }
    return null;
  }

  /** A rule's reason as its contract's bounded labels name it. */
  private String reasonLabel(ActiveContract active, String reason) {
    if (reasons == null || !reasons.of(active)) {
      reasons = ContractReasons.of(active, maxReasonLabels);
    }
    return reasons.label(reason);
  }

  private boolean keep(int n) {
    long seen = sampled.merge(n, 1L, Long::sum);
    return (seen - 1) % n == 0;
  }
}
