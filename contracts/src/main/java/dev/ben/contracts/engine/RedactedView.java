package dev.ben.contracts.engine;

import dev.ben.contracts.event.Event;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/**
 * The redacted event as its plain map, built only when someone reads it: the data plane's spine
 * builds the body from the typed event, so on the hot path nobody does (an invocation's answer, a
 * raw row or a spilled batch still may). Correct because the event no longer changes once the spine
 * has handed it on; safe to read from several threads.
 */
final class RedactedView extends AbstractMap<String, Object> {

  private final Event event;
  private volatile Map<String, Object> plain;

  RedactedView(Event event) {
    this.event = event;
  }

  private Map<String, Object> plain() {
    Map<String, Object> built = plain;
    if (built == null) {
      built = event.toPlainMap();
      plain = built;
    }
    return built;
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return plain().entrySet();
  }

  @Override
  public Object get(Object key) {
    return plain().get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return plain().containsKey(key);
  }

  @Override
  public int size() {
    return plain().size();
  }
}
