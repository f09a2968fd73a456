package dev.ben.bench.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code login_rate} and the lockout's bound, hand-written: per user a 5-minute count of failed
 * bursts and a 1-hour count of brute-force hits (rings of 60 buckets), an EWMA and a CUSUM of the
 * attempts, in a bounded least-recently-used map; lockout fires on brute force with more than 20
 * failed bursts, at most 10 times a minute and once per user in 5 minutes. Not thread-safe.
 */
final class ReferenceDetector {

  static final int MAX_KEYS = 100_000;
  private static final int BUCKETS = 60;

  /** One user's state. */
  static final class UserState {
    final long[] failBuckets = new long[BUCKETS];
    final long[] failCounts = new long[BUCKETS];
    final long[] strikeBuckets = new long[BUCKETS];
    final long[] strikeCounts = new long[BUCKETS];
    double ewma = Double.NaN;
    long n;
    double mean;
    double m2;
    double upper;
    double lower;
    long lastLockout = Long.MIN_VALUE;

    UserState() {
      java.util.Arrays.fill(failBuckets, Long.MIN_VALUE);
      java.util.Arrays.fill(strikeBuckets, Long.MIN_VALUE);
    }
  }

  private final Map<String, UserState> users =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, UserState> eldest) {
          return size() > MAX_KEYS;
        }
      };

  private final long[] recentLockouts = new long[10];
  private int nextLockout;

  long fails;
  double ewma;
  double cusum;
  long strikes;

  /** The lockout's outcome for the last event: null (condition false), or the bound's verdict. */
  String lockout;

  ReferenceDetector() {
    java.util.Arrays.fill(recentLockouts, Long.MIN_VALUE);
  }

  void update(ReferenceEvent event, boolean failedBurst, boolean bruteForce, long now) {
    UserState state = users.computeIfAbsent(event.user, user -> new UserState());
    fails = count(state.failBuckets, state.failCounts, 5_000, failedBurst, now);
    state.ewma =
        Double.isNaN(state.ewma) ? event.attempts : 0.2 * event.attempts + 0.8 * state.ewma;
    ewma = state.ewma;
    cusum = cusum(state, event.attempts);
    strikes = count(state.strikeBuckets, state.strikeCounts, 60_000, bruteForce, now);
    lockout = bruteForce && fails > 20 ? admit(state, now) : null;
  }

  private static long count(
      long[] buckets, long[] counts, long bucketMillis, boolean add, long now) {
    long newest = Math.floorDiv(now, bucketMillis);
    if (add) {
      int slot = (int) Math.floorMod(newest, (long) BUCKETS);
      if (buckets[slot] != newest) {
        buckets[slot] = newest;
        counts[slot] = 0;
      }
      counts[slot]++;
    }
    long total = 0;
    for (int slot = 0; slot < BUCKETS; slot++) {
      if (buckets[slot] > newest - BUCKETS && buckets[slot] <= newest) {
        total += counts[slot];
      }
    }
    return total;
  }

  private static double cusum(UserState s, double x) {
    double statistic = Double.NaN;
    if (s.n >= 5) {
      double std = Math.sqrt(s.m2 / (s.n - 1));
      double z = std > 0 ? (x - s.mean) / std : (x == s.mean ? 0 : Math.copySign(6.5, x - s.mean));
      s.upper = Math.max(0, s.upper + z - 0.5);
      s.lower = Math.max(0, s.lower - z - 0.5);
      statistic = Math.max(s.upper, s.lower);
      if (statistic > 5) {
        s.n = 0;
        s.mean = 0;
        s.m2 = 0;
        s.upper = 0;
        s.lower = 0;
        return statistic;
      }
    }
    s.n++;
    double delta = x - s.mean;
    s.mean += delta / s.n;
    s.m2 += delta * (x - s.mean);
    return statistic;
  }

  private String admit(UserState state, long now) {
    if (state.lastLockout != Long.MIN_VALUE && now - state.lastLockout < 300_000) {
      return "cooldown: fired " + (now - state.lastLockout) + " ms ago";
    }
    long oldest = recentLockouts[nextLockout];
    if (oldest != Long.MIN_VALUE && now - oldest < 60_000) {
      return "rate: already fired 10 times in the last 60000 ms";
    }
    recentLockouts[nextLockout] = now;
    nextLockout = (nextLockout + 1) % recentLockouts.length;
    state.lastLockout = now;
    return "admitted";
  }
}
