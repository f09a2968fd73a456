package dev.ben.streams.spine;

import dev.ben.contracts.engine.ContractRuntime;
import java.util.Objects;

/**
 * One contract version of a pipeline, loaded and ready to evaluate.
 *
 * @param version the ledger's version number, recorded on every event it evaluates
 * @param runtime the engines built from the version's bundle; used by one stream stage at a time
 */
public record ActiveContract(long version, ContractRuntime runtime) {

  public ActiveContract {
    if (version < 1) {
      throw new IllegalArgumentException("contract versions start at 1, got " + version);
    }
    Objects.requireNonNull(runtime, "runtime");
  }

  public String pipeline() {
    return runtime.pipeline().name();
  }
}
