package dev.ben.actors.reads;

import dev.ben.bux.api.LedgerReads;
import dev.ben.streams.store.analytics.BeaconQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pipelines whose active version takes beacons, with their tables, as the ledger says (so every
 * node reads the same tables). A version's contents never change, so each pipeline's tables are
 * remembered until its active version does.
 */
final class BeaconPipelines {

  private record Known(long version, List<BeaconQuery.Table> tables) {}

  private final LedgerAsks ledger;
  private final Map<String, Known> known = new ConcurrentHashMap<>();

  BeaconPipelines(LedgerAsks ledger) {
    this.ledger = ledger;
  }

  /** Beacon pipelines by name, in name order. */
  CompletionStage<Map<String, List<BeaconQuery.Table>>> active() {
    return ledger.pipelines().thenCompose(this::tables);
  }

  private CompletionStage<Map<String, List<BeaconQuery.Table>>> tables(
      List<LedgerReads.PipelineSummary> pipelines) {
    known.keySet().retainAll(pipelines.stream().map(LedgerReads.PipelineSummary::name).toList());
    List<CompletableFuture<Map.Entry<String, Known>>> reads = new ArrayList<>();
    for (LedgerReads.PipelineSummary pipeline : pipelines) {
      if (pipeline.activeVersion() != null) {
        reads.add(known(pipeline.name(), pipeline.activeVersion()).toCompletableFuture());
      }
    }
    return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
        .thenApply(
            done -> {
              Map<String, List<BeaconQuery.Table>> beacons = new TreeMap<>();
              for (CompletableFuture<Map.Entry<String, Known>> read : reads) {
                Map.Entry<String, Known> entry = read.join();
                if (!entry.getValue().tables().isEmpty()) {
                  beacons.put(entry.getKey(), entry.getValue().tables());
                }
              }
              return beacons;
            });
  }

  private CompletionStage<Map.Entry<String, Known>> known(String pipeline, long version) {
    Known remembered = known.get(pipeline);
    if (remembered != null && remembered.version() == version) {
      return CompletableFuture.completedFuture(Map.entry(pipeline, remembered));
    }
    return ledger
        .contents(pipeline, version)
        .thenApply(
            contents -> {
              Known now = new Known(version, BeaconTables.of(contents));
              known.put(pipeline, now);
              return Map.entry(pipeline, now);
            });
  }
}
