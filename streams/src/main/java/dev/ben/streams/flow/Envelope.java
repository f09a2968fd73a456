package dev.ben.streams.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.engine.EvaluationResult;
import java.util.Objects;

/**
 * One accepted event on its way through a pipeline.
 *
 * @param eventId unique id assigned at ingest; the store deduplicates on it so retried batches
 *     never duplicate
 * @param pipeline the pipeline the event was sent to
 * @param app the application that sent it (signals caused by it go back to this app)
 * @param receivedAtMillis wall-clock time the sidecar accepted it
 * @param body the event as the application sent it (contracts later replace this with a typed
 *     record)
 * @param evaluation what the spine decided and with which contract version; null before the spine
 *     (and in pass-through pipelines, which run no contract)
 * @param listener who waits for the spine's decision (an invocation), or null
 * @param walSequence the event's position in the node's ingest log, which forgets it once its
 *     outcome is final; {@link #NOT_LOGGED} when it is not in the log
 */
public record Envelope(
    String eventId,
    String pipeline,
    String app,
    long receivedAtMillis,
    ObjectNode body,
    Evaluation evaluation,
    DecisionListener listener,
    long walSequence) {

  /** The log position of an event the ingest log does not hold. */
  public static final long NOT_LOGGED = -1;

  /** The decisions of one contract version about this event: never a mix of two versions. */
  public record Evaluation(long contractVersion, EvaluationResult result) {

    public Evaluation {
      Objects.requireNonNull(result, "result");
    }

    /**
     * The decisions as JSON, without the redacted event (that is the envelope's body once the spine
     * ran).
     */
    public ObjectNode decisionsJson(ObjectMapper mapper) {
      ObjectNode decisions = mapper.valueToTree(result);
      decisions.remove("redacted");
      return decisions;
    }
  }

  public Envelope {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(body, "body");
  }

  /** An event the ingest log does not hold. */
  public Envelope(
      String eventId,
      String pipeline,
      String app,
      long receivedAtMillis,
      ObjectNode body,
      Evaluation evaluation,
      DecisionListener listener) {
    this(eventId, pipeline, app, receivedAtMillis, body, evaluation, listener, NOT_LOGGED);
  }

  /** A newly accepted event, not yet evaluated. */
  public Envelope(
      String eventId, String pipeline, String app, long receivedAtMillis, ObjectNode body) {
    this(eventId, pipeline, app, receivedAtMillis, body, null, null);
  }

  /** The same event, held by the ingest log at {@code sequence}. */
  public Envelope logged(long sequence) {
    return new Envelope(
        eventId, pipeline, app, receivedAtMillis, body, evaluation, listener, sequence);
  }

  public boolean isLogged() {
    return walSequence != NOT_LOGGED;
  }

  /** The same event, with someone waiting for the spine's decision about it. */
  public Envelope awaitedBy(DecisionListener waiting) {
    return new Envelope(
        eventId,
        pipeline,
        app,
        receivedAtMillis,
        body,
        evaluation,
        Objects.requireNonNull(waiting, "waiting"),
        walSequence);
  }

  /**
   * The event as the spine leaves it: its body redacted by the contract version that decided it.
   */
  public Envelope evaluated(ObjectNode redactedBody, Evaluation decided) {
    return new Envelope(
        eventId,
        pipeline,
        app,
        receivedAtMillis,
        redactedBody,
        Objects.requireNonNull(decided, "decided"),
        listener,
        walSequence);
  }

  /** The same event with its decisions completed by the detectors. */
  public Envelope detected(Evaluation completed) {
    return new Envelope(
        eventId,
        pipeline,
        app,
        receivedAtMillis,
        body,
        Objects.requireNonNull(completed, "completed"),
        listener,
        walSequence);
  }
}
