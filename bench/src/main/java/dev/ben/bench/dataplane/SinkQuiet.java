package dev.ben.bench.dataplane;

import dev.ben.streams.store.AnalyticalStore;
import java.time.Duration;

/**
 * Brings the ClickHouse server to rest before the sink or its reference is timed. A server still
 * merging parts of earlier inserts (a node's, or the sink's own) took the sink's many inserts at
 * about half the speed of an idle one, while the reference's single insert barely felt it: the
 * comparison was of the server's state, not of the two writers. So the table about to be read or
 * extended is merged into one part first ({@code OPTIMIZE ... FINAL}, which returns when done), and
 * then no merge may run anywhere on the server for {@link #QUIET} before the clock starts.
 */
final class SinkQuiet {

  /** How long no merge may run before the server counts as quiet. */
  static final Duration QUIET = Duration.ofSeconds(1);

  /** How often system.merges is read while waiting. */
  private static final Duration POLL = Duration.ofMillis(100);

  /**
   * The longest wait: a server merging someone else's tables for longer is reported, not waited.
   */
  private static final Duration LONGEST = Duration.ofSeconds(120);

  /** What the wait took, and whether the server came to rest within {@link #LONGEST}. */
  record Waited(Duration took, boolean quiet) {
    String describe() {
      return quiet
          ? String.format(java.util.Locale.ROOT, "quiet after %.1f s", took.toMillis() / 1e3)
          : "still merging after " + took.toSeconds() + " s (timed anyway)";
    }
  }

  private final AnalyticalStore clickHouse;

  SinkQuiet(AnalyticalStore clickHouse) {
    this.clickHouse = clickHouse;
  }

  /** Merges {@code table} into one part, then waits until the server runs no merge. */
  Waited settle(String table) throws InterruptedException {
    long started = System.nanoTime();
    Waited before = untilNoMerges(started);
    clickHouse.execute("OPTIMIZE TABLE " + table + " FINAL");
    Waited after = untilNoMerges(started);
    return new Waited(after.took(), before.quiet() && after.quiet());
  }

  private Waited untilNoMerges(long started) throws InterruptedException {
    long quietSince = -1;
    while (true) {
      long now = System.nanoTime();
      Duration took = Duration.ofNanos(now - started);
      if (running() > 0) {
        quietSince = -1;
      } else if (quietSince < 0) {
        quietSince = now;
      } else if (now - quietSince >= QUIET.toNanos()) {
        return new Waited(took, true);
      }
      if (took.compareTo(LONGEST) >= 0) {
        return new Waited(took, false);
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  private long running() {
    return clickHouse
        .queryJson("SELECT count() AS merges FROM system.merges")
        .get(0)
        .get("merges")
        .asLong();
  }
}
