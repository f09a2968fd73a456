package dev.ben.contracts.engine.detect;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * One feature's state for every key of a detector. Each key's state lies in its row of one array of
 * longs ({@link KeyRows}), the feature's part {@link #width} longs from {@code at}; a feature whose
 * state is an object per key keeps it beside the rows by the key's entry number ({@link #grow}). An
 * entry's snapshot is the same bytes as the {@link FeatureState} of the same feature writes, so
 * snapshots read alike whichever form wrote them.
 */
interface FeatureColumn {

  /** The longs the feature takes in each key's row. */
  int width();

  /** Room beside the rows for entries {@code 0 .. capacity - 1}. */
  void grow(int capacity);

  /** The entry holds a fresh state (a new key took it). */
  void reset(long[] rows, int at, int entry);

  void snapshot(long[] rows, int at, int entry, DataOutput out) throws IOException;

  /**
   * Replaces the entry's state with the snapshot's; fails with an {@link IOException} when the
   * input is not a snapshot of this kind of state.
   */
  void restore(long[] rows, int at, int entry, DataInput in) throws IOException;

  /**
   * The entry takes over what {@code from} (a column of the same feature definition) keeps beside
   * the rows for {@code fromEntry}, which is not used again; the row itself is copied by its owner.
   */
  void takeBeside(FeatureColumn from, int fromEntry, int entry);
}
