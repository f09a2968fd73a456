package dev.ben.contracts.engine.playbook;

import dev.ben.contracts.engine.detect.KeyTable;
import dev.ben.contracts.model.PlaybookBound;

/**
 * Enforces a playbook's bound with event time: at most N firings in any window of D for the whole
 * playbook (a ring of the last N firing times), and a cooldown per scope key (an LRU of last
 * firings, evictions counted).
 */
final class Bounds {

  static final int MAX_SCOPES = 100_000;

  private final PlaybookBound bound;
  private final long[] recentFirings;
  private int next;
  private final KeyTable<long[]> lastFiring = new KeyTable<>(MAX_SCOPES);

  Bounds(PlaybookBound bound) {
    this.bound = bound;
    this.recentFirings = new long[Math.max(1, bound.atMost())];
    java.util.Arrays.fill(recentFirings, Long.MIN_VALUE);
  }

  /** Null when the firing is allowed (and then recorded), else the suppression reason. */
  String admit(String scope, long now) {
    long[] last =
        bound.hasCooldown()
            ? lastFiring.getOrCreate(scope, () -> new long[] {Long.MIN_VALUE})
            : null;
    if (last != null && last[0] != Long.MIN_VALUE && now - last[0] < bound.cooldownMillis()) {
      return "cooldown: fired for "
          + (scope.isEmpty() ? "this playbook" : scope)
          + " "
          + (now - last[0])
          + " ms ago, cooldown is "
          + bound.cooldownMillis()
          + " ms";
    }
    if (bound.hasRate()) {
      long oldest = recentFirings[next];
      if (oldest != Long.MIN_VALUE && now - oldest < bound.perMillis()) {
        return "rate: already fired "
            + bound.atMost()
            + " times in the last "
            + bound.perMillis()
            + " ms";
      }
      recentFirings[next] = now;
      next = (next + 1) % recentFirings.length;
    }
    if (last != null) {
      last[0] = now;
    }
    return null;
  }

  long scopeEvictions() {
    return lastFiring.evictions();
  }
}
