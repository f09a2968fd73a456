package dev.ben.contracts.engine.detect;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A bounded least-recently-used map from key to state that counts what it evicts.
 *
 * <p>A detector looks a key up for every event, so the table is laid out for that: open addressing
 * over the key's hash (each slot holds the hash beside the entry's number, so a probe compares keys
 * only when their hashes match), and the entries in parallel arrays with the order of use as links
 * between entry numbers. A lookup allocates nothing and a new key reuses the evicted key's entry.
 * Not thread-safe.
 */
public final class KeyTable<S> {

  private static final int NONE = -1;
  private static final long EMPTY = 0;
  private static final int FIRST_ENTRIES = 16;

  private final int maxKeys;
  private long evictions;
  private int size;

  /** Per slot: the key's hash in the high half, its entry number plus one in the low (0: empty). */
  private long[] slots = new long[FIRST_ENTRIES * 2];

  private String[] keys = new String[FIRST_ENTRIES];
  private Object[] states = new Object[FIRST_ENTRIES];

  /** Links of the order of use: the next older entry, and the next newer one. */
  private int[] older = new int[FIRST_ENTRIES];

  private int[] newer = new int[FIRST_ENTRIES];
  private int newest = NONE;
  private int oldest = NONE;

  public KeyTable(int maxKeys) {
    this.maxKeys = maxKeys;
  }

  public S getOrCreate(String key, Supplier<S> create) {
    int entry = find(key, key.hashCode());
    if (entry != NONE) {
      touch(entry);
      return state(entry);
    }
    S state = create.get();
    add(key, state);
    return state;
  }

  public int size() {
    return size;
  }

  public long evictions() {
    return evictions;
  }

  public boolean contains(String key) {
    return find(key, key.hashCode()) != NONE;
  }

  /** Every entry, the most recently used first; reading them does not count as a use. */
  public List<Map.Entry<String, S>> newestFirst() {
    List<Map.Entry<String, S>> entries = new ArrayList<>(size);
    for (int entry = newest; entry != NONE; entry = older[entry]) {
      entries.add(new AbstractMap.SimpleImmutableEntry<>(keys[entry], state(entry)));
    }
    return entries;
  }

  /** Adds the key as the most recently used one, evicting beyond the bound as usual. */
  public void put(String key, S state) {
    int entry = find(key, key.hashCode());
    if (entry == NONE) {
      add(key, state);
    } else {
      states[entry] = state;
      touch(entry);
    }
  }

  @SuppressWarnings("unchecked")
  private S state(int entry) {
    return (S) states[entry];
  }

  private int find(String key, int hash) {
    int mask = slots.length - 1;
    for (int slot = home(hash, mask); ; slot = (slot + 1) & mask) {
      long held = slots[slot];
      if (held == EMPTY) {
        return NONE;
      }
      int entry = (int) held - 1;
      if ((int) (held >>> 32) == hash && keys[entry].equals(key)) {
        return entry;
      }
    }
  }

  /** A new key: past the bound it takes the least recently used key's entry, as an eviction. */
  private void add(String key, Object state) {
    if (maxKeys <= 0) {
      evictions++;
      return;
    }
    int entry;
    if (size >= maxKeys && oldest != NONE) {
      entry = oldest;
      unlink(entry);
      removeSlot(entry);
      evictions++;
    } else {
      if (size == keys.length) {
        grow();
      }
      entry = size++;
    }
    keys[entry] = key;
    states[entry] = state;
    insertSlot(key.hashCode(), entry);
    linkNewest(entry);
  }

  private void touch(int entry) {
    if (entry != newest) {
      unlink(entry);
      linkNewest(entry);
    }
  }

  private void unlink(int entry) {
    int before = older[entry];
    int after = newer[entry];
    if (before == NONE) {
      oldest = after;
    } else {
      newer[before] = after;
    }
    if (after == NONE) {
      newest = before;
    } else {
      older[after] = before;
    }
  }

  private void linkNewest(int entry) {
    older[entry] = newest;
    newer[entry] = NONE;
    if (newest == NONE) {
      oldest = entry;
    } else {
      newer[newest] = entry;
    }
    newest = entry;
  }

  private void insertSlot(int hash, int entry) {
    int mask = slots.length - 1;
    int slot = home(hash, mask);
    while (slots[slot] != EMPTY) {
      slot = (slot + 1) & mask;
    }
    slots[slot] = (long) hash << 32 | (entry + 1L);
  }

  /** Removes the entry's slot and shifts later slots of its run back, so probes need no markers. */
  private void removeSlot(int entry) {
    int mask = slots.length - 1;
    int hole = home(keys[entry].hashCode(), mask);
    while ((int) slots[hole] - 1 != entry) {
      hole = (hole + 1) & mask;
    }
    for (int slot = (hole + 1) & mask; slots[slot] != EMPTY; slot = (slot + 1) & mask) {
      int home = home((int) (slots[slot] >>> 32), mask);
      // The slot may fill the hole when its home is not cyclically within (hole, slot].
      if (((slot - home) & mask) >= ((slot - hole) & mask)) {
        slots[hole] = slots[slot];
        hole = slot;
      }
    }
    slots[hole] = EMPTY;
  }

  /** Doubles the entries (never past the bound) and keeps the slots at most half full. */
  private void grow() {
    int capacity = (int) Math.min(Math.max(maxKeys, 1), keys.length * 2L);
    keys = Arrays.copyOf(keys, capacity);
    states = Arrays.copyOf(states, capacity);
    older = Arrays.copyOf(older, capacity);
    newer = Arrays.copyOf(newer, capacity);
    int slotCount = Integer.highestOneBit(Math.max(2, capacity - 1)) << 2;
    if (slotCount > slots.length) {
      slots = new long[slotCount];
      for (int entry = 0; entry < size; entry++) {
        insertSlot(keys[entry].hashCode(), entry);
      }
    }
  }

  /** Spreads the hash's bits (string hashes of similar keys differ mostly in the low ones). */
  private static int home(int hash, int mask) {
    int mixed = hash * 0x9E3779B9;
    return (mixed ^ mixed >>> 16) & mask;
  }
}
