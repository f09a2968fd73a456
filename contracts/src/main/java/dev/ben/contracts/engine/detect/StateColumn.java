package dev.ben.contracts.engine.detect;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * A feature whose per-key state stays an object beside the rows ({@link DistinctWindow}'s map of
 * values, {@link HalfSpaceScorer}'s trees' masses): such state is large and variable, so an object
 * per key is cheap beside it.
 */
final class StateColumn<S extends FeatureState> implements FeatureColumn {

  private final Supplier<S> fresh;
  private Object[] states = new Object[0];

  StateColumn(Supplier<S> fresh) {
    this.fresh = fresh;
  }

  @SuppressWarnings("unchecked")
  S state(int entry) {
    return (S) states[entry];
  }

  @Override
  public int width() {
    return 0;
  }

  @Override
  public void grow(int capacity) {
    // Entries get their state when a key takes them (reset), not before.
    if (capacity > states.length) {
      states = Arrays.copyOf(states, capacity);
    }
  }

  @Override
  public void reset(long[] rows, int at, int entry) {
    states[entry] = fresh.get();
  }

  @Override
  public void snapshot(long[] rows, int at, int entry, DataOutput out) throws IOException {
    state(entry).snapshot(out);
  }

  @Override
  public void restore(long[] rows, int at, int entry, DataInput in) throws IOException {
    reset(rows, at, entry);
    state(entry).restore(in);
  }

  @Override
  public void takeBeside(FeatureColumn from, int fromEntry, int entry) {
    states[entry] = ((StateColumn<?>) from).states[fromEntry];
  }
}
