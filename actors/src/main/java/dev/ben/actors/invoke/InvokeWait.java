package dev.ben.actors.invoke;

import dev.ben.streams.flow.Envelope;
import dev.ben.streams.sidecar.Invocation;
import dev.ben.streams.wal.IngestLog;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

/**
 * Waiting for the spine's decision about an event that entered its pipeline: at most the offer
 * timeout, and for its log write (which syncs meanwhile), then (with {@code ben.ingest.ack =
 * stored}) for the event's final outcome, at most the ack timeout, after which the decision is
 * answered {@code unconfirmed}, as an events report is. A decision whose write failed is not
 * answered: nothing unlogged is acknowledged.
 */
final class InvokeWait {

  private final IngestLog log;
  private final Duration timeout;
  private final DecisionTimer timer;

  InvokeWait(IngestLog log, Duration timeout, DecisionTimer timer) {
    this.log = log;
    this.timeout = timeout;
    this.timer = timer;
  }

  CompletionStage<InvokeOutcome> decision(
      Envelope envelope, Invocation invocation, CompletionStage<?> durable) {
    CompletableFuture<Invocation.Answer> decided = timed(invocation.answer().toCompletableFuture());
    return durable
        .handle((written, failure) -> failure)
        .thenCompose(
            writeFailure ->
                writeFailure == null
                    ? answered(envelope, decided)
                    : Invoker.done(notLogged(writeFailure)));
  }

  private CompletionStage<InvokeOutcome> answered(
      Envelope envelope, CompletableFuture<Invocation.Answer> decided) {
    return decided
        .thenCompose(
            answer ->
                answer.evaluation() != null
                    ? confirmed(envelope, answer.evaluation())
                    : Invoker.done(
                        new InvokeOutcome.Refused(
                            InvokeRefusal.REFUSED_BY_CONTRACT, "refused: " + answer.refusal())))
        .exceptionally(failure -> undecided(envelope.pipeline()));
  }

  /** The answer, failed with a timeout when it has not come within the decision timeout. */
  private CompletableFuture<Invocation.Answer> timed(CompletableFuture<Invocation.Answer> answer) {
    if (!answer.isDone()) {
      Runnable cancel =
          timer.schedule(timeout, () -> answer.completeExceptionally(new TimeoutException()));
      answer.whenComplete((done, failure) -> cancel.run());
    }
    return answer;
  }

  private CompletionStage<InvokeOutcome> confirmed(
      Envelope envelope, Envelope.Evaluation evaluation) {
    if (!log.awaitsOutcomes()) {
      return CompletableFuture.completedFuture(new InvokeOutcome.Decided(envelope, evaluation, 0));
    }
    return log.confirmed(new long[] {envelope.walSequence()})
        .exceptionally(failure -> 0L)
        .thenApply(
            confirmed -> new InvokeOutcome.Decided(envelope, evaluation, confirmed > 0 ? 0 : 1));
  }

  /** Counted as accepted when it entered; it may still be stored, so the client is told so. */
  private static InvokeOutcome notLogged(Throwable failure) {
    Throwable cause = Invoker.unwrapped(failure);
    return new InvokeOutcome.Refused(
        InvokeRefusal.NOT_LOGGED,
        "the node could not log the event ("
            + cause.getMessage()
            + "), so its decision is not given: it may still be stored but is not acknowledged;"
            + " retry later");
  }

  private InvokeOutcome undecided(String pipeline) {
    return new InvokeOutcome.Refused(
        InvokeRefusal.UNDECIDED,
        "pipeline `"
            + pipeline
            + "` did not decide within "
            + timeout.toMillis()
            + " ms (it is saturated); the event is counted and may still be stored, retry later");
  }
}
