package dev.ben.actors.node;

import dev.ben.actors.ledger.Ledger;
import dev.ben.actors.ledger.LedgerQuestions;
import dev.ben.actors.ledger.LedgerRefusal;
import dev.ben.bux.socket.BundleReads;
import dev.ben.bux.socket.StoredBundle;
import dev.ben.bux.socket.VersionSelector;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Scheduler;

/**
 * The test bench's bundles, asked of the ledger singleton: a version's bundle as the ledger stored
 * it, or the ledger's refusal (no such pipeline or version), or a sentence saying it did not answer
 * within the node's ask timeout.
 */
final class LedgerBundleReads implements BundleReads {

  private final ActorRef<Ledger.Command> ledger;
  private final Duration timeout;
  private final Scheduler scheduler;

  LedgerBundleReads(ActorRef<Ledger.Command> ledger, Duration timeout, Scheduler scheduler) {
    this.ledger = ledger;
    this.timeout = timeout;
    this.scheduler = scheduler;
  }

  @Override
  public CompletionStage<StoredBundle> read(String pipeline, VersionSelector version) {
    long wanted =
        switch (version.kind()) {
          case NUMBER -> version.number();
          case ACTIVE -> Ledger.BundleOf.ACTIVE;
          case STAGED -> Ledger.BundleOf.NEWEST_STAGED;
        };
    return LedgerQuestions.<Ledger.BundleBytes>ask(
            ledger,
            replyTo -> new Ledger.BundleOf(pipeline, wanted, replyTo),
            timeout,
            scheduler,
            this::explained)
        .thenApply(stored -> new StoredBundle(stored.version(), stored.read()));
  }

  private RuntimeException explained(Throwable cause) {
    if (cause instanceof LedgerRefusal refusal) {
      return new IllegalArgumentException(refusal.getMessage());
    }
    return new IllegalStateException(
        "the ledger did not answer within " + timeout.toMillis() + " ms; try again", cause);
  }
}
