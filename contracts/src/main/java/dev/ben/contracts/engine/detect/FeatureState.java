package dev.ben.contracts.engine.detect;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * One key's state of one feature, which can be written out and read back into a fresh instance
 * built from the same feature definition. Settings that come from the definition (window length,
 * alpha, thresholds) are not written: the detector's fingerprint guarantees they match. Restoring
 * into an instance that has already seen values replaces what it held.
 */
public interface FeatureState {

  void snapshot(DataOutput out) throws IOException;

  /** Fails with an {@link IOException} when the input is not a snapshot of this kind of state. */
  void restore(DataInput in) throws IOException;
}
