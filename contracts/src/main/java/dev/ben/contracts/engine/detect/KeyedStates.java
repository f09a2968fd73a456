package dev.ben.contracts.engine.detect;

import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A detector's key table as a snapshot: a format byte ({@link #FORMAT}), the number of features per
 * key and of keys, then each key (most recently used first) with its features' states in
 * declaration order. A snapshot may be bounded in bytes: it then keeps the most recently used keys
 * that fit and leaves the older ones out, which is what the table itself would evict first.
 */
final class KeyedStates {

  /** Raised whenever the layout changes; an older or newer snapshot is refused, never misread. */
  static final int FORMAT = 1;

  private KeyedStates() {}

  /** Writes the table; returns how many keys did not fit in {@code maxBytes}. */
  static int snapshot(KeyTable<FeatureState[]> keys, int features, DataOutput out, int maxBytes)
      throws IOException {
    var body = new ByteArrayOutputStream();
    var entry = new ByteArrayOutputStream();
    var entryOut = new DataOutputStream(entry);
    List<Map.Entry<String, FeatureState[]>> entries = keys.newestFirst();
    int written = 0;
    for (Map.Entry<String, FeatureState[]> key : entries) {
      entry.reset();
      StateCodec.writeString(entryOut, key.getKey());
      for (FeatureState state : key.getValue()) {
        state.snapshot(entryOut);
      }
      entryOut.flush();
      if (HEADER_BYTES + body.size() + entry.size() > maxBytes) {
        break;
      }
      entry.writeTo(body);
      written++;
    }
    out.writeByte(FORMAT);
    StateCodec.writeVarInt(out, features);
    StateCodec.writeVarInt(out, written);
    out.write(body.toByteArray());
    return entries.size() - written;
  }

  /** Room the header takes at most: format byte and two varints. */
  private static final int HEADER_BYTES = 11;

  /**
   * Reads a snapshot into the table, whole or not at all: keys are added (oldest first, so the
   * table's order of use is kept) only once every one was read.
   */
  static void restore(
      KeyTable<FeatureState[]> keys, Supplier<FeatureState[]> fresh, int maxKeys, DataInput in)
      throws IOException {
    int format = in.readUnsignedByte();
    if (format != FORMAT) {
      throw new SnapshotFormatException(
          "snapshot format "
              + format
              + " is not readable here (this version reads "
              + FORMAT
              + ")");
    }
    int features = StateCodec.readVarInt(in);
    FeatureState[] probe = fresh.get();
    if (features != probe.length) {
      throw new SnapshotFormatException(
          "the snapshot has " + features + " features per key, the detector " + probe.length);
    }
    int count = StateCodec.readCount(in, Integer.MAX_VALUE, "the keys");
    List<Map.Entry<String, FeatureState[]>> read = new ArrayList<>(Math.min(count, maxKeys));
    for (int n = 0; n < count; n++) {
      String key = StateCodec.readString(in);
      FeatureState[] states = n == 0 ? probe : fresh.get();
      for (FeatureState state : states) {
        state.restore(in);
      }
      if (read.size() < maxKeys) {
        read.add(Map.entry(key, states));
      }
    }
    for (int n = read.size() - 1; n >= 0; n--) {
      keys.put(read.get(n).getKey(), read.get(n).getValue());
    }
  }
}
