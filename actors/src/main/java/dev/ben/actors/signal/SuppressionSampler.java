package dev.ben.actors.signal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Which playbook suppressions the event log records. A playbook in cooldown is suppressed on every
 * event that matches it, which under attack is most of them; recording each would cost the log a
 * write per event and bury the firings. The first suppression of a key in each interval is recorded
 * with how many of the same were left out since the one before. Keys are held in a bounded
 * least-recently-seen map, so a flood of distinct keys cannot grow it.
 */
public final class SuppressionSampler {

  private final long intervalMillis;
  private final Map<String, long[]> windows;

  public SuppressionSampler(Duration interval, int maxKeys) {
    this.intervalMillis = interval.toMillis();
    this.windows =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
            return size() > maxKeys;
          }
        };
  }

  /**
   * Empty when this suppression is left out; otherwise how many of the same key were left out since
   * the last one recorded.
   */
  synchronized OptionalLong admit(String key, long nowMillis) {
    long[] window = windows.get(key); // {started at, left out since}
    if (window == null) {
      windows.put(key, new long[] {nowMillis, 0});
      return OptionalLong.of(0);
    }
    if (nowMillis - window[0] < intervalMillis) {
      window[1]++;
      return OptionalLong.empty();
    }
    long leftOut = window[1];
    window[0] = nowMillis;
    window[1] = 0;
    return OptionalLong.of(leftOut);
  }
}
