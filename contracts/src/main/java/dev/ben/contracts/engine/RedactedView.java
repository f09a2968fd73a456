package dev.ben.contracts.engine;

import dev.ben.contracts.event.Event;
import dev.ben.contracts.event.LazyFields;
import java.util.Map;

/**
 * The redacted event as its plain map, built only when someone reads it: the data plane's spine
 * builds the body from the typed event, so on the hot path nobody does (an invocation's answer, a
 * raw row or a spilled batch still may). Correct because the event no longer changes once the spine
 * has handed it on.
 */
final class RedactedView extends LazyFields<Object> {

  private final Event event;

  RedactedView(Event event) {
    this.event = event;
  }

  @Override
  protected Map<String, Object> build() {
    return event.toPlainMap();
  }
}
