package dev.ben.actors.invoke;

import dev.ben.streams.flow.Envelope;
import java.util.List;

/** What an invocation came to: the spine's decision, or why there is none. */
public sealed interface InvokeOutcome {

  /**
   * The event as it entered, what was decided about it, and (with {@code ben.ingest.ack = stored})
   * how many events, 0 or 1, had not reached their final outcome when the answer was given.
   */
  record Decided(Envelope envelope, Envelope.Evaluation evaluation, long unconfirmed)
      implements InvokeOutcome {}

  /**
   * Why nothing was decided, with a message that says what to do; {@code running} names the
   * pipelines that run here when the one asked for does not.
   */
  record Refused(InvokeRefusal refusal, String message, List<String> running)
      implements InvokeOutcome {

    public Refused {
      running = List.copyOf(running);
    }

    Refused(InvokeRefusal refusal, String message) {
      this(refusal, message, List.of());
    }
  }
}
