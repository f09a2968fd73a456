package dev.ben.actors.control;

import dev.ben.actors.ledger.Ledger;
import dev.ben.contracts.bundle.BundleReader;
import dev.ben.contracts.bundle.BundleRefusedException;
import dev.ben.contracts.bundle.ContractBundles;
import dev.ben.contracts.model.ContractSet;
import dev.ben.streams.store.AnalyticalStore;
import io.grpc.Status;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.grpc.GrpcServiceException;

/**
 * Where a backtest's inputs come from: the two versions' bundles, asked of the ledger singleton
 * (its refusals become the control API's statuses), the store holding the events, and the node's
 * key for {@code hash(keyed)} redactions, so the engines redact as the spines did.
 */
public final class BacktestSources {

  /** A version as a backtest runs it: its number and its compiled contracts. */
  public record Version(long version, ContractSet contracts) {}

  /** The active version and the candidate. */
  public record Pair(Version active, Version candidate) {}

  private final ActorRef<Ledger.Command> ledger;
  private final Duration timeout;
  private final Scheduler scheduler;
  private final AnalyticalStore store;
  private final byte[] hashKey;

  public BacktestSources(
      ActorRef<Ledger.Command> ledger,
      Duration timeout,
      Scheduler scheduler,
      AnalyticalStore store,
      byte[] hashKey) {
    this.ledger = ledger;
    this.timeout = timeout;
    this.scheduler = scheduler;
    this.store = store;
    this.hashKey = hashKey.clone();
  }

  /** The active version and {@code candidate} (a number or {@link Ledger.BundleOf}'s selectors). */
  CompletionStage<Pair> pair(String pipeline, long candidate) {
    return bytes(pipeline, Ledger.BundleOf.ACTIVE)
        .thenCombine(
            bytes(pipeline, candidate),
            (active, chosen) -> new Pair(version(active), version(chosen)));
  }

  /** A version's bundle as the ledger stores it. */
  CompletionStage<Ledger.BundleBytes> bytes(String pipeline, long version) {
    return AskPattern.<Ledger.Command, Ledger.BundleBytes>askWithStatus(
            ledger, replyTo -> new Ledger.BundleOf(pipeline, version, replyTo), timeout, scheduler)
        .exceptionally(
            failure -> {
              throw LedgerGrpcService.failed(failure, timeout);
            });
  }

  private static Version version(Ledger.BundleBytes stored) {
    try {
      return new Version(
          stored.version(),
          ContractBundles.contracts(BundleReader.read(stored.bytes()), "v" + stored.version()));
    } catch (BundleRefusedException e) {
      throw new GrpcServiceException(
          Status.INTERNAL.withDescription(
              "the ledger's bundle of "
                  + stored.pipeline()
                  + " v"
                  + stored.version()
                  + " does not read: "
                  + e.getMessage()));
    }
  }

  AnalyticalStore store() {
    return store;
  }

  byte[] hashKey() {
    return hashKey.clone();
  }
}
