package dev.ben.actors.invoke;

import dev.ben.streams.flow.Envelope;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.QueueOfferResult;

/**
 * A pipeline's invocation queue without a stream: it answers offers as told and hands each enqueued
 * event to {@code spine}, which stands in for the pipeline deciding it.
 */
final class ScriptedQueue implements BoundedSourceQueue<Envelope> {

  final List<Envelope> entered = new ArrayList<>();
  private final QueueOfferResult answer;
  private final Consumer<Envelope> spine;

  ScriptedQueue(QueueOfferResult answer, Consumer<Envelope> spine) {
    this.answer = answer;
    this.spine = spine;
  }

  @Override
  public QueueOfferResult offer(Envelope envelope) {
    if (answer.isEnqueued()) {
      entered.add(envelope);
      spine.accept(envelope);
    }
    return answer;
  }

  @Override
  public void complete() {}

  @Override
  public boolean isCompleted() {
    return false;
  }

  @Override
  public void fail(Throwable failure) {}

  @Override
  public int size() {
    return 0;
  }
}
