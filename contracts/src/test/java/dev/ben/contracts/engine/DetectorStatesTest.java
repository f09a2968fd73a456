package dev.ben.contracts.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.contracts.engine.detect.SnapshotFormatException;
import dev.ben.contracts.event.Event;
import dev.ben.contracts.event.Translation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Detector state by fingerprint: which changes between versions keep it, and snapshots of whole
 * detectors (bounded, versioned by format) read back into a fresh runtime.
 */
class DetectorStatesTest {

  private static final String SOURCE =
      """
      policy guard on login {
        predicate big = n > LIMIT
        predicate odd = n == 7
        rule flag_big = all(big) => flag priority 10
        rule flag_odd = all(odd) => flag priority 5
      }
      detector per_user on login by user {
        count over WINDOW as seen
        distinct n over 5m as values
        ewma n alpha 0.5
        cusum n k 0.5 h 5
        anomaly spike on n window 16
      }
      detector odd_ones on login by user {
        count over 5m as odd where odd
        ttl_counter strikes ttl 1h incr on flag_odd
      }
      pipeline auth {
        schemas [login]
        policies [guard]
        detectors [per_user, odd_ones]
        sidecar { http }
        store { table logins, replica off }
      }
      """;

  private static ContractRuntime runtime(String limit, String window, String odd) {
    return LoginProject.runtime(
        SOURCE.replace("LIMIT", limit).replace("WINDOW", window).replace("n == 7", "n == " + odd));
  }

  private static Event login(ContractRuntime runtime, String user, int n) {
    String json = "{\"id\":\"e\",\"user\":\"" + user + "\",\"n\":" + n + "}";
    return ((Translation.Accepted)
            runtime.translate("login", json.getBytes(StandardCharsets.UTF_8)))
        .event();
  }

  /** Runs the events through a detector runtime of {@code runtime}, as a shard does. */
  private static Map<String, Double> feed(
      ContractRuntime runtime, DetectorRuntime detectors, String user, int... values) {
    SpineEvaluator spine = runtime.spine("login");
    RecordedDecisions recorded = runtime.recordedDecisions("login");
    Map<String, Double> last = Map.of();
    for (int i = 0; i < values.length; i++) {
      Event event = login(runtime, user, values[i]);
      spine.evaluate(event);
      last =
          detectors
              .detect(
                  event,
                  recorded.load(spine.setBits(), spine.firedRules(), spine.facts()),
                  i * 1000L)
              .detectors();
    }
    return last;
  }

  @Test
  void aChangedRuleKeepsTheCountAndAChangedWindowStartsFresh() {
    ContractRuntime v1 = runtime("10", "5m", "7");
    DetectorRuntime first = v1.newDetectors("login", 4);
    feed(v1, first, "ann", 1, 2, 7);

    ContractRuntime ruleChanged = runtime("20", "5m", "7");
    DetectorRuntime second = ruleChanged.newDetectors("login", 4);
    Set<String> carried = second.states().adopt(first.states());
    assertEquals(first.states().fingerprints(), carried, "flag_big counts in no detector");
    assertEquals(4.0, feed(ruleChanged, second, "ann", 3).get("per_user.seen"), "3 -> 4, not 1");

    ContractRuntime windowChanged = runtime("20", "10m", "7");
    DetectorRuntime third = windowChanged.newDetectors("login", 4);
    carried = third.states().adopt(second.states());
    assertEquals(1, carried.size(), "only odd_ones is unchanged");
    assertEquals("odd_ones", third.states().detectorName(carried.iterator().next()));
    assertEquals(1.0, feed(windowChanged, third, "ann", 3).get("per_user.seen"), "fresh");
  }

  @Test
  void aChangedCountedPredicateOrShardCountChangesTheFingerprint() {
    Set<String> base = runtime("10", "5m", "7").newDetectors("login", 4).states().fingerprints();
    Set<String> oddChanged =
        runtime("10", "5m", "8").newDetectors("login", 4).states().fingerprints();
    assertEquals(1, intersection(base, oddChanged).size(), "odd_ones counts the predicate odd");
    Set<String> moreShards =
        runtime("10", "5m", "7").newDetectors("login", 8).states().fingerprints();
    assertEquals(0, intersection(base, moreShards).size(), "keys route to other shards");
    assertEquals(base, runtime("99", "5m", "7").newDetectors("login", 4).states().fingerprints());
  }

  private static Set<String> intersection(Set<String> a, Set<String> b) {
    var both = new java.util.HashSet<>(a);
    both.retainAll(b);
    return both;
  }

  @Test
  void aSnapshotRestoresEveryFeatureIntoAFreshRuntime() throws SnapshotFormatException {
    ContractRuntime runtime = runtime("10", "5m", "7");
    DetectorRuntime original = runtime.newDetectors("login", 1);
    int[] warmUp = {5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6, 7, 5, 6};
    feed(runtime, original, "ann", warmUp);
    feed(runtime, original, "bob", 1, 2);
    DetectorRuntime restored = runtime.newDetectors("login", 1);
    for (String fingerprint : original.states().fingerprints()) {
      DetectorSnapshot snapshot = original.states().snapshot(fingerprint, 1 << 20);
      assertEquals(2, snapshot.keys());
      assertEquals(0, snapshot.keysLeftOut());
      restored.states().restore(fingerprint, snapshot.bytes());
    }
    assertEquals(feed(runtime, original, "ann", 30), feed(runtime, restored, "ann", 30));
  }

  @Test
  void aBoundedSnapshotKeepsTheMostRecentlyUsedKeys() throws SnapshotFormatException {
    ContractRuntime runtime = runtime("10", "5m", "7");
    DetectorRuntime original = runtime.newDetectors("login", 1);
    for (String user : List.of("ann", "bob", "cy", "dee")) {
      feed(runtime, original, user, 1, 2);
    }
    String perUser = fingerprintOf(original, "per_user");
    int whole = original.states().snapshot(perUser, 1 << 20).bytes().length;
    DetectorSnapshot bounded = original.states().snapshot(perUser, whole * 3 / 4);
    assertTrue(bounded.keysLeftOut() >= 1, "left out: " + bounded.keysLeftOut());
    DetectorRuntime restored = runtime.newDetectors("login", 1);
    restored.states().restore(perUser, bounded.bytes());
    assertEquals(3.0, feed(runtime, restored, "dee", 3).get("per_user.seen"), "dee was kept");
    assertEquals(1.0, feed(runtime, restored, "ann", 3).get("per_user.seen"), "ann was oldest");
  }

  @Test
  void anotherFormatIsRefusedAndNothingIsRestored() {
    ContractRuntime runtime = runtime("10", "5m", "7");
    DetectorRuntime original = runtime.newDetectors("login", 1);
    feed(runtime, original, "ann", 1, 2);
    String perUser = fingerprintOf(original, "per_user");
    byte[] bytes = original.states().snapshot(perUser, 1 << 20).bytes();
    bytes[0] = 2;
    DetectorRuntime restored = runtime.newDetectors("login", 1);
    var refused =
        assertThrows(
            SnapshotFormatException.class, () -> restored.states().restore(perUser, bytes));
    assertTrue(refused.getMessage().contains("format 2"), refused.getMessage());
    assertEquals(0, restored.states().keyCount(perUser));
    byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 3);
    cut[0] = 1;
    assertThrows(SnapshotFormatException.class, () -> restored.states().restore(perUser, cut));
    assertEquals(0, restored.states().keyCount(perUser));
    assertNotEquals(0, original.states().keyCount(perUser));
  }

  private static String fingerprintOf(DetectorRuntime runtime, String detector) {
    return runtime.states().fingerprints().stream()
        .filter(f -> runtime.states().detectorName(f).equals(detector))
        .findFirst()
        .orElseThrow();
  }
}
