package dev.ben.actors.orchestrator;

import dev.ben.actors.ClusterSerializable;
import java.util.Objects;

/**
 * What should happen to one pipeline, derived from its header in the ledger: {@code published} runs
 * the header's version, {@code paused} holds it (stops taking events, keeps its state), anything
 * else or a deleted header stops it.
 */
public record PipelineIntent(String pipeline, Mode mode, long version)
    implements ClusterSerializable {

  /** What the executor makes of the pipeline on every host. */
  public enum Mode {
    RUN,
    PAUSE,
    STOP
  }

  public PipelineIntent {
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(mode, "mode");
  }

  public static PipelineIntent stop(String pipeline) {
    return new PipelineIntent(pipeline, Mode.STOP, 0);
  }
}
