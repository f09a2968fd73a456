package dev.ben.streams.detector;

import dev.ben.contracts.engine.ContractRuntime;
import dev.ben.contracts.engine.DecidedEvent;
import dev.ben.contracts.engine.DetectionRound;
import dev.ben.contracts.engine.DetectorRuntime;
import dev.ben.contracts.engine.DetectorStates;
import dev.ben.contracts.engine.PendingDetection;
import dev.ben.contracts.engine.RecordedDecisions;
import dev.ben.contracts.event.EventTranslator;
import dev.ben.contracts.event.Translation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One shard's detector state for one contract version and schema: its own detectors and playbooks'
 * conditions (their key bounds divided among the shards), fed with events as they left the spine. A
 * round's playbook candidates are left for the playbooks' bounds, which are not the shard's (see
 * {@link DetectionRound}). An event that no longer fits its schema once redacted (a redaction
 * dropped a required field) cannot be detected; it is counted and answered with no values. A later
 * version takes over the state of every detector whose definition it did not change ({@link
 * #takeOver}). Not thread-safe: owned by one shard.
 */
public final class ShardDetectors {

  private final long version;
  private final String schema;
  private final DetectorRuntime detectors;
  private final RecordedDecisions decisions;
  private final EventTranslator translator;
  private final ContractRuntime runtime;
  private long unfit;

  private static final PendingDetection NONE = new PendingDetection(Map.of(), List.of(), null);

  public ShardDetectors(long version, ContractRuntime runtime, String schema, int shardCount) {
    this.version = version;
    this.schema = schema;
    this.detectors = runtime.newDetectors(schema, shardCount);
    this.decisions = runtime.recordedDecisions(schema);
    this.runtime = runtime;
    this.translator =
        new EventTranslator(
            runtime
                .contracts()
                .schema(schema)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "contract version " + version + " has no schema '" + schema + "'")));
  }

  public long version() {
    return version;
  }

  public String schema() {
    return schema;
  }

  /** The keyed state by detector fingerprint, for snapshots. */
  public DetectorStates states() {
    return detectors.states();
  }

  /**
   * Takes over the state of each detector of the earlier version (same schema) that this version
   * left unchanged; returns their fingerprints. The earlier state must not be used afterwards.
   */
  public Set<String> takeOver(ShardDetectors earlier) {
    return detectors.states().adopt(earlier.detectors.states());
  }

  /**
   * One pending detection per input, in order; the candidates still need their bounds. An input
   * handed over by this version's spine in this process is read as the spine left it; any other is
   * translated from its body and its decisions' names, which gives the same detections.
   */
  public DetectionRound run(List<DetectInput> inputs) {
    List<PendingDetection> found = new ArrayList<>(inputs.size());
    for (DetectInput input : inputs) {
      DecidedEvent decided = input.decided();
      if (decided != null && decided.readableBy(runtime)) {
        found.add(detectors.candidates(decided.event(), decided, input.atMillis()));
        continue;
      }
      Translation translation = translator.translate(input.event());
      if (translation instanceof Translation.Accepted accepted) {
        found.add(
            detectors.candidates(
                accepted.event(),
                decisions.load(input.bits(), input.rules(), input.facts()),
                input.atMillis()));
      } else {
        unfit++;
        found.add(NONE);
      }
    }
    return new DetectionRound(found);
  }

  /** Events that did not fit their schema once redacted, so no detector saw them. */
  public long unfit() {
    return unfit;
  }

  /** Keys evicted so far per detector (the bound is per shard). */
  public Map<String, Long> evictions() {
    return detectors.evictions();
  }
}
