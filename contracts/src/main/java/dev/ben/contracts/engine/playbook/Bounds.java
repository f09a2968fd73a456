package dev.ben.contracts.engine.playbook;

import dev.ben.contracts.engine.detect.KeyTable;
import dev.ben.contracts.engine.detect.SnapshotFormatException;
import dev.ben.contracts.model.PlaybookBound;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Enforces one playbook's bound with event time: at most N firings in any window of D for the whole
 * playbook (a ring of the last N firing times), and a cooldown per scope key (an LRU of last
 * firings, evictions counted). Whoever owns it decides how far "the whole playbook" reaches: one
 * runtime ({@link #local}) or every member of the cluster ({@link #clusterWide}, which says so in
 * its reasons). Its state snapshots to a compact binary form ({@link BoundsCodec}) so an owner that
 * moves or restarts resumes it. Not thread-safe.
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

  /** The last firing times of the rate window, oldest first. */
  List<Long> recentFirings() {
    List<Long> firings = new ArrayList<>(recentFirings.length);
    for (int i = 0; i < recentFirings.length; i++) {
      long at = recentFirings[(next + i) % recentFirings.length];
      if (at != Long.MIN_VALUE) {
        firings.add(at);
      }
    }
    return firings;
  }

  /** Each cooldown scope's last firing, the least recently used first. */
  List<Map.Entry<String, Long>> lastFirings() {
    List<Map.Entry<String, long[]>> newestFirst = lastFiring.newestFirst();
    List<Map.Entry<String, Long>> oldestFirst = new ArrayList<>(newestFirst.size());
    for (int i = newestFirst.size() - 1; i >= 0; i--) {
      long at = newestFirst.get(i).getValue()[0];
      if (at != Long.MIN_VALUE) {
        oldestFirst.add(Map.entry(newestFirst.get(i).getKey(), at));
      }
    }
    return oldestFirst;
  }

  /** Resumes from a snapshot's firings (oldest first), into a bound just created. */
  void resume(List<Long> firings, List<Map.Entry<String, Long>> scopes)
      throws SnapshotFormatException {
    if (firings.size() > (bound.hasRate() ? recentFirings.length : 0)) {
      throw new SnapshotFormatException(
          firings.size() + " recent firings do not fit the bound " + bound);
    }
    for (int i = 0; i < firings.size(); i++) {
      recentFirings[i] = firings.get(i);
    }
    next = firings.size() % recentFirings.length;
    for (Map.Entry<String, Long> scope : scopes) {
      lastFiring.put(scope.getKey(), new long[] {scope.getValue()});
    }
  }

  /** Writes the bound and its state; {@link #restore} reads it back. */
  public void snapshot(DataOutput out) throws IOException {
    BoundsCodec.write(this, out);
  }

  /**
   * The bound and state {@link #snapshot} wrote, kept for the whole cluster or by one runtime.
   *
   * @throws SnapshotFormatException written in another format, or damaged
   */
  public static Bounds restore(DataInput in, boolean clusterWide) throws IOException {
    PlaybookBound bound = BoundsCodec.readBound(in);
    Bounds bounds = clusterWide ? clusterWide(bound) : local(bound);
    BoundsCodec.readState(in, bounds);
    return bounds;
  }

  /** Cooldown scopes forgotten to keep the state bounded (each could fire again early). */
  public long scopeEvictions() {
    return lastFiring.evictions();
  }
}
