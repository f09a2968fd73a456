package dev.ben.bux.socket;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.streams.metrics.Labels;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One loss row per pipeline from the per-stage series (docs/architecture.md, invariant 4): what the
 * first stage (the sidecar) accepted, what the last (the store) forwarded, and every other outcome
 * summed over the stages that count it (refused and shed anywhere, routed to the scrub at the
 * spine, spilled and stored at the store, expired wherever it is counted), so that accepted =
 * forwarded + stored + refused + shed + spilled + routed + expired once nothing is in flight. A
 * spilled batch is counted again as stored when the store takes it back, as the store stage counts
 * it.
 */
public final class LossRows {

  static final List<String> OUTCOMES =
      List.of("forwarded", "stored", "refused", "shed", "spilled", "routed", "expired");
  private static final String FIRST_STAGE = "sidecar";
  private static final String LAST_STAGE = "store";

  private LossRows() {}

  public static void render(Map<Labels, Long> stageSeries, ArrayNode into) {
    Map<String, Map<String, Long>> rows = new TreeMap<>();
    stageSeries.forEach(
        (labels, value) -> {
          Map<String, String> series = labels.asMap();
          String outcome = series.getOrDefault("outcome", "");
          String stage = series.getOrDefault("stage", "");
          boolean counts =
              switch (outcome) {
                case "accepted" -> stage.equals(FIRST_STAGE);
                case "forwarded" -> stage.equals(LAST_STAGE);
                default -> OUTCOMES.contains(outcome);
              };
          if (counts) {
            rows.computeIfAbsent(series.getOrDefault("pipeline", ""), p -> new TreeMap<>())
                .merge(outcome, value, Long::sum);
          }
        });
    rows.forEach(
        (pipeline, totals) -> {
          ObjectNode row =
              into.addObject()
                  .put("pipeline", pipeline)
                  .put("accepted", totals.getOrDefault("accepted", 0L));
          OUTCOMES.forEach(outcome -> row.put(outcome, totals.getOrDefault(outcome, 0L)));
        });
  }
}
