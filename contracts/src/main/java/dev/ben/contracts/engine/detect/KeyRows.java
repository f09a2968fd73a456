package dev.ben.contracts.engine.detect;

import java.util.Arrays;

/**
 * A detector's keys ({@link KeyTable}) and its features' state for every key: each key's state is
 * one row of one array of longs, its features' parts side by side in declaration order ({@link
 * FeatureColumn}), found by the key's entry number. A detector reads and updates all of a key's
 * features for each of its events; with many keys that state is rarely in the processor's cache,
 * and one row keeps it in a few neighbouring cache lines of one page, where an object per feature
 * (or an array per feature) scatters it, and the garbage collector has no per-key objects to mark.
 * The rows come in blocks of {@link #BLOCK} keys, so the table grows by adding blocks: growing one
 * array would copy every key's state (100 MiB for 50,000 keys of examples/auth) while the detector
 * waits. Not thread-safe.
 */
final class KeyRows implements KeyTable.Entries {

  private static final int BLOCK_SHIFT = 6;

  /** Keys per block of rows. */
  static final int BLOCK = 1 << BLOCK_SHIFT;

  private final FeatureColumn[] columns;
  private final int[] offsets;
  private final int width;
  private final KeyTable<Void> keys;
  private long[][] blocks = new long[0][];

  KeyRows(FeatureColumn[] columns, int maxKeys) {
    this.columns = columns;
    this.offsets = new int[columns.length];
    int at = 0;
    for (int i = 0; i < columns.length; i++) {
      offsets[i] = at;
      at += columns[i].width();
    }
    this.width = at;
    this.keys = new KeyTable<>(maxKeys, this);
  }

  /** The key's entry, fresh state for a new key (see {@link KeyTable#use}). */
  int use(String key) {
    return keys.use(key);
  }

  /** The block of rows that holds entry {@code entry}'s row. */
  long[] rows(int entry) {
    return blocks[entry >>> BLOCK_SHIFT];
  }

  /** Where feature {@code feature}'s part of entry {@code entry}'s row starts in its block. */
  int at(int entry, int feature) {
    return rowStart(entry) + offsets[feature];
  }

  private int rowStart(int entry) {
    return (entry & (BLOCK - 1)) * width;
  }

  FeatureColumn column(int feature) {
    return columns[feature];
  }

  int features() {
    return columns.length;
  }

  KeyTable<Void> keys() {
    return keys;
  }

  /** New entries are set when a key takes them ({@link #taken}) or a snapshot is read into them. */
  @Override
  public void grown(int capacity) {
    int had = blocks.length;
    int needed = (capacity + BLOCK - 1) >>> BLOCK_SHIFT;
    if (needed > had) {
      blocks = Arrays.copyOf(blocks, needed);
      for (int block = had; block < needed; block++) {
        blocks[block] = new long[BLOCK * width];
      }
    }
    for (FeatureColumn column : columns) {
      column.grow(capacity);
    }
  }

  @Override
  public void taken(int entry) {
    long[] rows = rows(entry);
    for (int i = 0; i < columns.length; i++) {
      columns[i].reset(rows, at(entry, i), entry);
    }
  }

  /**
   * Puts {@code key} with the state of {@code from}'s entry {@code fromEntry} (rows of the same
   * features, whose entry is not used again) as the most recently used key.
   */
  void put(String key, KeyRows from, int fromEntry) {
    int entry = keys.use(key);
    if (entry < 0) {
      return;
    }
    System.arraycopy(
        from.rows(fromEntry), from.rowStart(fromEntry), rows(entry), rowStart(entry), width);
    for (int i = 0; i < columns.length; i++) {
      columns[i].takeBeside(from.columns[i], fromEntry, entry);
    }
  }

  /** Takes over every key of {@code earlier} (same features), its oldest first. */
  void takeAll(KeyRows earlier) {
    int[] entries = earlier.keys.entriesNewestFirst();
    for (int n = entries.length - 1; n >= 0; n--) {
      put(earlier.keys.keyAt(entries[n]), earlier, entries[n]);
    }
  }
}
