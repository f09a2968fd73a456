package dev.ben.actors.reads;

import dev.ben.actors.ledger.BundleContents;
import dev.ben.actors.ledger.Ledger;
import dev.ben.actors.ledger.LedgerQuestions;
import dev.ben.actors.ledger.LedgerRefusal;
import dev.ben.actors.ledger.VersionContents;
import dev.ben.api.control.DiffReply;
import dev.ben.api.control.PipelineStatus;
import dev.ben.bux.api.LedgerReads;
import dev.ben.bux.api.ReadFailure;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.pattern.StatusReply;

/**
 * ben_api's reads of the ledger, asked of the ledger singleton with the control API's own requests
 * (so its answers are the ones {@code benctl} gets) plus {@link Ledger.BundleOf} for what a version
 * holds, rendered here. A refusal becomes a {@link ReadFailure} of its kind; no answer within
 * {@code timeout} makes it UNAVAILABLE.
 */
public final class LedgerAsks implements LedgerReads {

  private final ActorRef<Ledger.Command> ledger;
  private final ActorSystem<?> system;
  private final Duration timeout;

  public LedgerAsks(ActorRef<Ledger.Command> ledger, ActorSystem<?> system, Duration timeout) {
    this.ledger = ledger;
    this.system = system;
    this.timeout = timeout;
  }

  @Override
  public CompletionStage<List<PipelineSummary>> pipelines() {
    return ask(Ledger.ListPipelines::new)
        .thenApply(list -> list.getPipelinesList().stream().map(LedgerReadViews::summary).toList());
  }

  @Override
  public CompletionStage<PipelineDetail> pipeline(String name) {
    return this.<PipelineStatus>ask(replyTo -> new Ledger.Status(name, true, replyTo))
        .thenApply(LedgerReadViews::detail);
  }

  @Override
  public CompletionStage<List<SourceFile>> sources(String pipeline, long version) {
    return contents(pipeline, version).thenApply(LedgerReadViews::sources);
  }

  @Override
  public CompletionStage<VersionComparison> compare(String pipeline, long from, long to) {
    var artifacts =
        this.<DiffReply>ask(replyTo -> new Ledger.Diff(pipeline, from, to, replyTo))
            .thenApply(LedgerReadViews::artifacts);
    var before = contents(pipeline, from).thenApply(LedgerReadViews::sources);
    var after = contents(pipeline, to).thenApply(LedgerReadViews::sources);
    return artifacts.thenCompose(
        changes ->
            before.thenCombine(after, (old, now) -> new VersionComparison(changes, old, now)));
  }

  /** What a version holds (0: the active version). */
  public CompletionStage<VersionContents> contents(String pipeline, long version) {
    return this.<Ledger.BundleBytes>ask(replyTo -> new Ledger.BundleOf(pipeline, version, replyTo))
        .thenApply(BundleContents::of);
  }

  private <T> CompletionStage<T> ask(Function<ActorRef<StatusReply<T>>, Ledger.Command> request) {
    return LedgerQuestions.ask(ledger, request, timeout, system.scheduler(), this::failed);
  }

  private ReadFailure failed(Throwable cause) {
    if (cause instanceof LedgerRefusal refusal) {
      return new ReadFailure(
          refusal.kind() == LedgerRefusal.Kind.NOT_FOUND
              ? ReadFailure.Kind.NOT_FOUND
              : ReadFailure.Kind.BAD_REQUEST,
          refusal.getMessage());
    }
    return new ReadFailure(
        ReadFailure.Kind.UNAVAILABLE,
        "the ledger did not answer within "
            + timeout.toMillis()
            + " ms ("
            + cause.getMessage()
            + "); it may be moving to another node, try again",
        cause);
  }
}
