package dev.ben.bench.dataplane;

import dev.ben.streams.metrics.StageCounters;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The loss accounting of a bench pipeline run, from each stage's counts by outcome: every event a
 * stage accepted is either forwarded to the next stage, which accepts it, or given a final outcome
 * there (stored, refused, shed, spilled, expired, routed).
 */
final class PipelineLedger {

  /** The stages in the order events pass them. */
  static final String[] STAGES = {"sidecar", "proxy", "spine", "detector", "store"};

  private static final Set<String> NOT_FINAL = Set.of("accepted", "forwarded");

  private PipelineLedger() {}

  static Map<String, Map<String, Long>> totals(Map<String, StageCounters> counters) {
    Map<String, Map<String, Long>> totals = new LinkedHashMap<>();
    counters.forEach((stage, c) -> totals.put(stage, c.totals()));
    return totals;
  }

  /**
   * Whether every stage has passed on or settled all it accepted, and each accepted all the
   * previous one passed on: nothing is on its way any more.
   */
  static boolean settled(Map<String, Map<String, Long>> stages) {
    long passedOn = -1;
    for (String stage : STAGES) {
      Map<String, Long> counts = stages.get(stage);
      long accepted = counts.getOrDefault("accepted", 0L);
      if (passedOn >= 0 && accepted != passedOn) {
        return false;
      }
      long forwarded = stage.equals("store") ? 0 : counts.getOrDefault("forwarded", 0L);
      if (forwarded + settledHere(counts) != accepted) {
        return false;
      }
      passedOn = forwarded;
    }
    return stages.get(STAGES[0]).getOrDefault("accepted", 0L) > 0;
  }

  /** Events the sidecar accepted that no stage has given a final outcome. */
  static long unaccounted(Map<String, Map<String, Long>> stages) {
    long settled = 0;
    for (String stage : STAGES) {
      settled += settledHere(stages.get(stage));
    }
    return stages.get(STAGES[0]).getOrDefault("accepted", 0L) - settled;
  }

  private static long settledHere(Map<String, Long> counts) {
    long settled = 0;
    for (Map.Entry<String, Long> count : counts.entrySet()) {
      if (!NOT_FINAL.contains(count.getKey())) {
        settled += count.getValue();
      }
    }
    return settled;
  }
}
