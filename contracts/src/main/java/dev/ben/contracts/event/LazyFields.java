package dev.ben.contracts.event;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * An event's fields as a map (plain values, or JSON nodes for a lazy {@code ObjectNode}) built the
 * first time anyone reads them, so an event whose fields no one reads as a map never builds one.
 * Every map operation goes to the built fields; building happens once, safe from any thread.
 *
 * @param <V> the values' form
 */
public abstract class LazyFields<V> extends AbstractMap<String, V> {

  private volatile Map<String, V> built;

  /** The fields, as a modifiable map in the object's order. */
  protected abstract Map<String, V> build();

  /** True until the fields are built: what the body stands for is then still all there is. */
  protected final boolean untouched() {
    return built == null;
  }

  private Map<String, V> built() {
    Map<String, V> fields = built;
    if (fields == null) {
      synchronized (this) {
        fields = built;
        if (fields == null) {
          fields = build();
          built = fields;
        }
      }
    }
    return fields;
  }

  @Override
  public Set<Map.Entry<String, V>> entrySet() {
    return built().entrySet();
  }

  @Override
  public V get(Object key) {
    return built().get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return built().containsKey(key);
  }

  @Override
  public V put(String key, V value) {
    return built().put(key, value);
  }

  @Override
  public V remove(Object key) {
    return built().remove(key);
  }

  @Override
  public int size() {
    return built().size();
  }

  @Override
  public Set<String> keySet() {
    return built().keySet();
  }

  @Override
  public Collection<V> values() {
    return built().values();
  }

  @Override
  public void clear() {
    built().clear();
  }
}
