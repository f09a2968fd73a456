package dev.ben.contracts.event;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A read-only map over a table of distinct names and the values at the same positions, in the
 * table's order: per-event maps on the hot path (an event's plain values, its detector values) are
 * a shared name table and one array instead of a hash map's entry per name. Lookups scan the names,
 * which are few. Serialises like any map.
 */
public abstract class NamedArrayMap<V> extends AbstractMap<String, V> {

  private final String[] names;

  protected NamedArrayMap(String[] names) {
    this.names = names;
  }

  /** The value at position {@code i} of the name table. */
  protected abstract V valueAt(int i);

  @Override
  public final int size() {
    return names.length;
  }

  @Override
  public final V get(Object key) {
    int i = indexOf(key);
    return i < 0 ? null : valueAt(i);
  }

  @Override
  public final boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  private int indexOf(Object key) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  /** Without an entry per name: hot-path readers (the store's row) walk the map this way. */
  @Override
  public final void forEach(BiConsumer<? super String, ? super V> action) {
    Objects.requireNonNull(action, "action");
    for (int i = 0; i < names.length; i++) {
      action.accept(names[i], valueAt(i));
    }
  }

  @Override
  public final Set<Map.Entry<String, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return names.length;
      }

      @Override
      public Iterator<Map.Entry<String, V>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < names.length;
          }

          @Override
          public Map.Entry<String, V> next() {
            if (next >= names.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(names[i], valueAt(i));
          }
        };
      }
    };
  }
}
