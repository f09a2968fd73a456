package dev.ben.bux.socket;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Reads the bundle of a pipeline's version from the node's ledger, with the version number the
 * selector resolved to, for the test bench. Completes in bounded time; fails with a message a
 * person can act on (no such pipeline or version, the ledger did not answer).
 */
@FunctionalInterface
public interface BundleReads {

  CompletionStage<StoredBundle> read(String pipeline, VersionSelector version);

  /** A node that cannot read deployed versions: the test bench runs sources only. */
  static BundleReads none() {
    return (pipeline, version) ->
        CompletableFuture.failedFuture(
            new IllegalStateException(
                "this gateway cannot read deployed versions; send the sources to test instead"));
  }
}
