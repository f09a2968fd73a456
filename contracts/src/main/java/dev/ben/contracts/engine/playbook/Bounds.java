package dev.ben.contracts.engine.playbook;

import dev.ben.contracts.engine.detect.KeyTable;
import dev.ben.contracts.model.PlaybookBound;
import java.util.Arrays;

/**
 * Enforces one playbook's bound with event time: at most N firings in any window of D for the whole
 * playbook (a ring of the last N firing times), and a cooldown per scope key (an LRU of last
 * firings, evictions counted). Whoever owns it decides how far "the whole playbook" reaches: one
 * runtime ({@link #local}) or every member of the cluster ({@link #clusterWide}, which says so in
 * its reasons). Not thread-safe.
 */
public final class Bounds {

  static final int MAX_SCOPES = 100_000;

  /** Appended to the reasons of a bound kept for the whole cluster. */
  public static final String CLUSTER_WIDE = ", counted across the cluster";

  private final PlaybookBound bound;
  private final String reach;
  private final long[] recentFirings;
  private int next;
  private final KeyTable<long[]> lastFiring = new KeyTable<>(MAX_SCOPES);

  private Bounds(PlaybookBound bound, String reach) {
    this.bound = bound;
    this.reach = reach;
    this.recentFirings = new long[Math.max(1, bound.atMost())];
    Arrays.fill(recentFirings, Long.MIN_VALUE);
  }

  /** The bound as one runtime keeps it (benctl test, a single-process engine). */
  public static Bounds local(PlaybookBound bound) {
    return new Bounds(bound, "");
  }

  /** The bound as the playbook's cluster-wide budget keeps it. */
  public static Bounds clusterWide(PlaybookBound bound) {
    return new Bounds(bound, CLUSTER_WIDE);
  }

  public PlaybookBound bound() {
    return bound;
  }

  /**
   * {@link BoundAdmission#ADMITTED} when the firing is allowed (and then recorded), else the
   * suppression reason.
   */
  public String admit(BoundRequest request) {
    String scope = request.scope();
    long now = request.atMillis();
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
          + " ms"
          + reach;
    }
    if (bound.hasRate()) {
      long oldest = recentFirings[next];
      if (oldest != Long.MIN_VALUE && now - oldest < bound.perMillis()) {
        return "rate: already fired "
            + bound.atMost()
            + " times in the last "
            + bound.perMillis()
            + " ms"
            + reach;
      }
      recentFirings[next] = now;
      next = (next + 1) % recentFirings.length;
    }
    if (last != null) {
      last[0] = now;
    }
    return BoundAdmission.ADMITTED;
  }

  /** Cooldown scopes forgotten to keep the state bounded (each could fire again early). */
  public long scopeEvictions() {
    return lastFiring.evictions();
  }
}
