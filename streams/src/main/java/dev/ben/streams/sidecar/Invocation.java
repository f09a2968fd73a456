package dev.ben.streams.sidecar;

import dev.ben.streams.flow.DecisionListener;
import dev.ben.streams.flow.Envelope;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One synchronous evaluation (the invocation API): the event travels the pipeline like any other,
 * and this completes with what the spine decided about it, or why it refused it.
 */
public final class Invocation implements DecisionListener {

  /** The spine's answer: an evaluation, or a refusal reason (exactly one is non-null). */
  public record Answer(Envelope.Evaluation evaluation, String refusal) {}

  private final CompletableFuture<Answer> answer = new CompletableFuture<>();

  @Override
  public void decided(Envelope.Evaluation evaluation) {
    answer.complete(new Answer(evaluation, null));
  }

  @Override
  public void refused(String reason) {
    answer.complete(new Answer(null, reason));
  }

  public CompletionStage<Answer> answer() {
    return answer;
  }
}
