package dev.ben.actors.screen;

import dev.ben.actors.ledger.Ledger;
import dev.ben.actors.ledger.LedgerQuestions;
import dev.ben.actors.ledger.LedgerRefusal;
import dev.ben.api.control.PipelineStatus;
import dev.ben.contracts.bundle.BundleRefusedException;
import dev.ben.contracts.bundle.ContractBundles;
import dev.ben.contracts.screen.ListScreens;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.pattern.StatusReply;

/**
 * A pipeline's versions and lists as the ledger singleton holds them: the newest screenable version
 * from the pipeline's status, a version's lists from its stored bundle (its signature was checked
 * when it was staged; its structure and every artifact's fingerprint are checked again as it is
 * read), decoded on {@code decoding} since a bundle may be large.
 */
public final class LedgerVersionLists implements VersionLists {

  private final ActorRef<Ledger.Command> ledger;
  private final Duration timeout;
  private final Scheduler scheduler;
  private final Executor decoding;

  public LedgerVersionLists(
      ActorRef<Ledger.Command> ledger, Duration timeout, Scheduler scheduler, Executor decoding) {
    this.ledger = ledger;
    this.timeout = timeout;
    this.scheduler = scheduler;
    this.decoding = decoding;
  }

  @Override
  public CompletionStage<Long> newest(String pipeline) {
    return this.<PipelineStatus>ask(replyTo -> new Ledger.Status(pipeline, false, replyTo))
        .thenApply(
            status ->
                ScreenableVersions.newest(status)
                    .orElseThrow(
                        () ->
                            new ScreenLookupException(
                                ScreenRefusal.NOT_FOUND,
                                "pipeline `"
                                    + pipeline
                                    + "` has no staged version whose lists could answer; stage"
                                    + " one with benctl",
                                null)));
  }

  @Override
  public CompletionStage<ListScreens> lists(String pipeline, long version) {
    return this.<Ledger.BundleBytes>ask(replyTo -> new Ledger.BundleOf(pipeline, version, replyTo))
        .thenApplyAsync(stored -> decoded(pipeline, stored), decoding);
  }

  private static ListScreens decoded(String pipeline, Ledger.BundleBytes stored) {
    try {
      return ListScreens.of(
          ContractBundles.contracts(stored.read(), ContractBundles.versionLabel(stored.version())));
    } catch (IllegalStateException unreadable) {
      throw new ScreenLookupException(
          ScreenRefusal.UNAVAILABLE, unreadable.getMessage(), unreadable);
    } catch (BundleRefusedException e) {
      throw new ScreenLookupException(
          ScreenRefusal.UNAVAILABLE,
          "the ledger's bundle of "
              + pipeline
              + " v"
              + stored.version()
              + " does not read: "
              + e.getMessage(),
          e);
    }
  }

  private <T> CompletionStage<T> ask(Function<ActorRef<StatusReply<T>>, Ledger.Command> request) {
    return LedgerQuestions.ask(ledger, request, timeout, scheduler, this::explained);
  }

  private ScreenLookupException explained(Throwable cause) {
    if (cause instanceof LedgerRefusal refusal) {
      return new ScreenLookupException(
          refusal.kind() == LedgerRefusal.Kind.NOT_FOUND
              ? ScreenRefusal.NOT_FOUND
              : ScreenRefusal.BAD_FIELD,
          refusal.getMessage(),
          refusal);
    }
    return new ScreenLookupException(
        ScreenRefusal.UNAVAILABLE,
        "the ledger did not answer within "
            + timeout.toMillis()
            + " ms; it may be moving to another node, try again",
        cause);
  }
}
