package dev.ben.bench.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineLedgerTest {

  @Test
  void aRunWhereEveryEventReachedAFinalOutcomeIsSettledWithNoneUnaccounted() {
    Map<String, Map<String, Long>> stages = stages(1_000, 100, 10, 5, 885);
    assertTrue(PipelineLedger.settled(stages));
    assertEquals(0, PipelineLedger.unaccounted(stages));
  }

  @Test
  void eventsStillOnTheirWayOrLostAreNotSettledAndCountAsUnaccounted() {
    Map<String, Map<String, Long>> stages = stages(1_000, 100, 10, 5, 880);
    assertFalse(PipelineLedger.settled(stages));
    assertEquals(5, PipelineLedger.unaccounted(stages));
  }

  @Test
  void aStageThatTookFewerThanThePreviousPassedOnIsNotSettled() {
    Map<String, Map<String, Long>> stages = stages(1_000, 0, 0, 0, 1_000);
    stages.get("spine").put("accepted", 999L);
    stages.get("spine").put("forwarded", 999L);
    stages.get("detector").put("accepted", 999L);
    stages.get("detector").put("forwarded", 999L);
    stages.get("store").put("accepted", 999L);
    stages.get("store").put("stored", 999L);
    assertFalse(PipelineLedger.settled(stages));
    assertEquals(1, PipelineLedger.unaccounted(stages));
  }

  @Test
  void aRunThatTookNothingIsNotSettled() {
    assertFalse(PipelineLedger.settled(stages(0, 0, 0, 0, 0)));
  }

  /** Counts of a run: the proxy shed some, the spine routed some, the detector refused some. */
  private static Map<String, Map<String, Long>> stages(
      long sent, long shed, long routed, long refused, long stored) {
    Map<String, Map<String, Long>> stages = new LinkedHashMap<>();
    long spine = sent - shed;
    long detector = spine - routed;
    long store = detector - refused;
    stages.put("sidecar", counts("accepted", sent, "forwarded", sent));
    stages.put("proxy", counts("accepted", sent, "forwarded", spine, "shed", shed));
    stages.put("spine", counts("accepted", spine, "forwarded", detector, "routed", routed));
    stages.put("detector", counts("accepted", detector, "forwarded", store, "refused", refused));
    stages.put("store", counts("accepted", store, "stored", stored));
    return stages;
  }

  private static Map<String, Long> counts(Object... pairs) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      counts.put((String) pairs[i], ((Number) pairs[i + 1]).longValue());
    }
    return counts;
  }
}
