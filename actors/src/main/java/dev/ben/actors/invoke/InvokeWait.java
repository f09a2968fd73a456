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
 * timeout, then (with {@code ben.ingest.ack = stored}) for the event's final outcome, at most the
 * ack timeout, after which the decision is answered {@code unconfirmed}, as an events report is.
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

  CompletionStage<InvokeOutcome> decision(Envelope envelope, Invocation invocation) {
    return timed(invocation.answer().toCompletableFuture())
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
