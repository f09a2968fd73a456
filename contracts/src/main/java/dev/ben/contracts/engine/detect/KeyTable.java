package dev.ben.contracts.engine.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A bounded least-recently-used map from key to state that counts what it evicts. */
public final class KeyTable<S> {

  private final int maxKeys;
  private long evictions;
  private final LinkedHashMap<String, S> states;

  public KeyTable(int maxKeys) {
    this.maxKeys = maxKeys;
    this.states =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, S> eldest) {
            if (size() > KeyTable.this.maxKeys) {
              evictions++;
              return true;
            }
            return false;
          }
        };
  }

  public S getOrCreate(String key, Supplier<S> create) {
    S state = states.get(key);
    if (state == null) {
      state = create.get();
      states.put(key, state);
    }
    return state;
  }

  public int size() {
    return states.size();
  }

  public long evictions() {
    return evictions;
  }

  public boolean contains(String key) {
    return states.containsKey(key);
  }

  /** Every entry, the most recently used first; reading them does not count as a use. */
  public List<Map.Entry<String, S>> newestFirst() {
    List<Map.Entry<String, S>> entries = new ArrayList<>(states.entrySet());
    java.util.Collections.reverse(entries);
    return entries;
  }

  /** Adds the key as the most recently used one, evicting beyond the bound as usual. */
  public void put(String key, S state) {
    states.put(key, state);
  }
}
