package dev.ben.streams.flow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The fields of a JSON object body that are built the first time anyone reads them: the map a lazy
 * {@code ObjectNode} is made with, so an event whose body no one reads as a tree never builds one.
 * Every map operation goes to the built fields; building happens once, safe from any thread.
 */
public abstract class LazyFields extends AbstractMap<String, JsonNode> {

  private volatile Map<String, JsonNode> built;

  /** The fields, as a modifiable map in the object's order. */
  protected abstract Map<String, JsonNode> build();

  /** True until the fields are built: what the body stands for is then still all there is. */
  protected final boolean untouched() {
    return built == null;
  }

  private Map<String, JsonNode> built() {
    Map<String, JsonNode> fields = built;
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
  public Set<Map.Entry<String, JsonNode>> entrySet() {
    return built().entrySet();
  }

  @Override
  public JsonNode get(Object key) {
    return built().get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return built().containsKey(key);
  }

  @Override
  public JsonNode put(String key, JsonNode value) {
    return built().put(key, value);
  }

  @Override
  public JsonNode remove(Object key) {
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
  public Collection<JsonNode> values() {
    return built().values();
  }

  @Override
  public void clear() {
    built().clear();
  }
}
