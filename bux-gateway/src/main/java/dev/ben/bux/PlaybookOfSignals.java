package dev.ben.bux;

import dev.ben.streams.eventlog.LogEvent;
import dev.ben.streams.eventlog.StoredEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which playbook an entry of the decisions topic is about: a firing or suppression names it, a
 * signal inherits it from the decision that published it, and an outcome from its signal (by
 * parent, or by the {@code signal_id} it names). Remembers the most recent {@value #REMEMBERED} ids
 * only, so a signal of a decision older than that is about no known playbook (null).
 */
final class PlaybookOfSignals {

  static final int REMEMBERED = 4096;

  private final Map<String, String> byId =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > REMEMBERED;
        }
      };

  /** The entry's playbook, remembered for the entries that follow from it. */
  synchronized String of(StoredEvent stored) {
    LogEvent event = stored.event();
    String playbook;
    if (event.type().startsWith("playbook.")) {
      playbook = event.data().path("playbook").asText(null);
    } else {
      playbook = event.parentId() == null ? null : byId.get(event.parentId());
      String signalId = event.data().path("signal_id").asText("");
      if (playbook == null && !signalId.isEmpty()) {
        playbook = byId.get("signal:" + signalId);
      }
      if (playbook != null && event.type().equals("signal.published") && !signalId.isEmpty()) {
        byId.put("signal:" + signalId, playbook);
      }
    }
    if (playbook != null) {
      byId.put(event.id(), playbook);
    }
    return playbook;
  }
}
