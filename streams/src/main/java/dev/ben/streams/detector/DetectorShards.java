package dev.ben.streams.detector;

import dev.ben.contracts.engine.DetectorRuntime.Detection;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Where a pipeline's detector state lives: one shard per key range, each fed batches of events in
 * order.
 */
public interface DetectorShards {

  /**
   * Runs the events, all of one pipeline, contract version, schema and shard, through that shard's
   * detectors and playbooks, in order. Completes with one detection per input, or fails with {@link
   * NotLoaded} when the shard's member cannot load that contract version (yet), with {@link
   * Refused} when the shard refuses the round, or with the transport's failure.
   */
  CompletionStage<List<Detection>> detect(
      String pipeline, int shard, long version, String schema, List<DetectInput> inputs);

  /**
   * The shard refused the round: it already holds back as many rounds as it may while it waits for
   * playbook budgets.
   */
  final class Refused extends RuntimeException {

    public Refused(String message) {
      super(message, null, false, false);
    }
  }

  /** The shard's member does not hold the contract version the events were decided with. */
  final class NotLoaded extends RuntimeException {

    public NotLoaded(String message) {
      super(message, null, false, false);
    }
  }
}
