package dev.ben.actors.ledger;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.pattern.StatusReply;

/**
 * Questions to the ledger singleton from outside it (ben_api's reads, screening, the test bench):
 * each caller says what a failure means to its own users, given the failure's cause — a {@link
 * LedgerRefusal} when the ledger refused, anything else when it did not answer within the timeout.
 */
public final class LedgerQuestions {

  private LedgerQuestions() {}

  public static <T> CompletionStage<T> ask(
      ActorRef<Ledger.Command> ledger,
      Function<ActorRef<StatusReply<T>>, Ledger.Command> request,
      Duration timeout,
      Scheduler scheduler,
      Function<Throwable, RuntimeException> explain) {
    return AskPattern.<Ledger.Command, T>askWithStatus(ledger, request::apply, timeout, scheduler)
        .exceptionally(
            failure -> {
              throw explain.apply(cause(failure));
            });
  }

  /** The failure itself, not the wrapper a completion stage may have put around it. */
  private static Throwable cause(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }
}
