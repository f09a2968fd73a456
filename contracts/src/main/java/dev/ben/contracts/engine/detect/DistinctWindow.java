package dev.ben.contracts.engine.detect;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Distinct values seen in the last {@code windowMillis}: exact while at most {@code cap} distinct
 * values are live. Beyond that the least recently seen value is forgotten and the result is a lower
 * bound ({@link #saturated()}), which keeps memory per key fixed whatever the cardinality an
 * attacker produces.
 */
public final class DistinctWindow implements FeatureState {

  private final long windowMillis;
  private final int cap;
  private final LinkedHashMap<String, Long> lastSeen = new LinkedHashMap<>();
  private boolean saturated;

  public DistinctWindow(long windowMillis, int cap) {
    this.windowMillis = windowMillis;
    this.cap = cap;
  }

  public void add(String value, long atMillis, long nowMillis) {
    if (atMillis <= nowMillis - windowMillis) {
      return;
    }
    Long previous = lastSeen.remove(value);
    lastSeen.put(value, previous == null ? atMillis : Math.max(previous, atMillis));
    if (lastSeen.size() > cap) {
      Iterator<String> oldest = lastSeen.keySet().iterator();
      oldest.next();
      oldest.remove();
      saturated = true;
    }
  }

  public long count(long nowMillis) {
    long cutoff = nowMillis - windowMillis;
    lastSeen.entrySet().removeIf(entry -> entry.getValue() <= cutoff);
    if (lastSeen.size() < cap) {
      saturated = false;
    }
    return lastSeen.size();
  }

  /** True when values were forgotten to respect the cap, so the count is a lower bound. */
  public boolean saturated() {
    return saturated;
  }

  Map<String, Long> view() {
    return java.util.Collections.unmodifiableMap(lastSeen);
  }

  /** Whether it saturated, then each live value with when it was last seen, oldest first. */
  @Override
  public void snapshot(DataOutput out) throws IOException {
    out.writeBoolean(saturated);
    StateCodec.writeVarInt(out, lastSeen.size());
    for (Map.Entry<String, Long> entry : lastSeen.entrySet()) {
      StateCodec.writeString(out, entry.getKey());
      out.writeLong(entry.getValue());
    }
  }

  @Override
  public void restore(DataInput in) throws IOException {
    lastSeen.clear();
    saturated = in.readBoolean();
    int size = StateCodec.readCount(in, cap, "the distinct values");
    for (int n = 0; n < size; n++) {
      lastSeen.put(StateCodec.readString(in), in.readLong());
    }
  }
}
