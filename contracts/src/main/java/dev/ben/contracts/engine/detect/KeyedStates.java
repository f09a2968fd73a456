package dev.ben.contracts.engine.detect;

import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
  static int snapshot(KeyRows table, DataOutput out, int maxBytes) throws IOException {
    var body = new ByteArrayOutputStream();
    var entry = new ByteArrayOutputStream();
    var entryOut = new DataOutputStream(entry);
    KeyTable<Void> keys = table.keys();
    int[] entries = keys.entriesNewestFirst();
    int written = 0;
    for (int key : entries) {
      entry.reset();
      StateCodec.writeString(entryOut, keys.keyAt(key));
      for (int feature = 0; feature < table.features(); feature++) {
        table.column(feature).snapshot(table.rows(key), table.at(key, feature), key, entryOut);
      }
      entryOut.flush();
      if (HEADER_BYTES + body.size() + entry.size() > maxBytes) {
        break;
      }
      entry.writeTo(body);
      written++;
    }
    out.writeByte(FORMAT);
    StateCodec.writeVarInt(out, table.features());
    StateCodec.writeVarInt(out, written);
    out.write(body.toByteArray());
    return entries.length - written;
  }

  /** Room the header takes at most: format byte and two varints. */
  private static final int HEADER_BYTES = 11;

  /**
   * Reads a snapshot into the table, whole or not at all: the keys are read into rows of their own
   * ({@code fresh}, with the same features and no keys), and keys are put (oldest first, so the
   * table's order of use is kept) only once every one was read. Keys past {@code maxKeys} (the
   * oldest used) are read and left out.
   */
  static void restore(KeyRows table, Supplier<KeyRows> fresh, int maxKeys, DataInput in)
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
    KeyRows read = fresh.get();
    if (features != read.features()) {
      throw new SnapshotFormatException(
          "the snapshot has " + features + " features per key, the detector " + read.features());
    }
    int count = StateCodec.readCount(in, Integer.MAX_VALUE, "the keys");
    List<String> keys = new ArrayList<>(Math.min(count, Math.min(maxKeys, 1024)));
    int capacity = 0;
    for (int n = 0; n < count; n++) {
      String key = StateCodec.readString(in);
      // Keys past the bound are read into one spare entry, to check them, and not kept.
      int entry = Math.min(n, maxKeys);
      if (entry >= capacity) {
        // Grown as keys arrive, not by the count the input claims.
        capacity = (int) Math.min(Math.max(16, 2L * capacity), maxKeys + 1L);
        read.grown(capacity);
      }
      for (int feature = 0; feature < read.features(); feature++) {
        read.column(feature).restore(read.rows(entry), read.at(entry, feature), entry, in);
      }
      if (n < maxKeys) {
        keys.add(key);
      }
    }
    for (int n = keys.size() - 1; n >= 0; n--) {
      table.put(keys.get(n), read, n);
    }
  }
}
