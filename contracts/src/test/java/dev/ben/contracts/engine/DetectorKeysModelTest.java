package dev.ben.contracts.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ben.contracts.engine.detect.SnapshotFormatException;
import dev.ben.contracts.event.Event;
import dev.ben.contracts.event.Translation;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A detector keeps every key's state side by side, in arrays shared by its keys, and reuses an
 * evicted key's place: it must answer for each key exactly as a detector that only ever saw that
 * key does, with the least recently used keys evicted past the bound (their state gone), and so
 * must a copy restored from its snapshot or one that adopted its state.
 */
class DetectorKeysModelTest {

  private static final String SOURCE =
      """
      policy guard on login {
        predicate big = n > 30
        rule flag_big = all(big) => flag priority 10
      }
      detector per_user on login by user {
        count over 1m as seen
        count over 2m as big where big
        sum n over 1m as total
        avg n over 1m as mean
        min n over 1m as least
        max n over 1m as most
        distinct n over 1m as values
        ewma n alpha 0.3
        cusum n k 0.5 h 4
        anomaly spike on n window 16
        ttl_counter strikes ttl 3m incr on flag_big
      }
      pipeline auth {
        schemas [login]
        policies [guard]
        detectors [per_user]
        sidecar { http }
        store { table logins, replica off }
      }
      """;

  /**
   * With the default bound of 100,000 keys, a share of 1,000 bounds a runtime to 100 keys: more
   * than one block of rows.
   */
  private static final int SHARE = 1_000;

  private static final int BOUND = 100;

  private final ContractRuntime runtime = LoginProject.runtime(SOURCE);
  private final SpineEvaluator spine = runtime.spine("login");
  private final RecordedDecisions recorded = runtime.recordedDecisions("login");

  private Map<String, Double> detect(DetectorRuntime detectors, String user, int n, long now) {
    String json = "{\"id\":\"e\",\"user\":\"" + user + "\",\"n\":" + n + "}";
    Event event =
        ((Translation.Accepted) runtime.translate("login", json.getBytes(StandardCharsets.UTF_8)))
            .event();
    spine.evaluate(event);
    return detectors
        .detect(event, recorded.load(spine.setBits(), spine.firedRules(), spine.facts()), now)
        .detectors();
  }

  @Test
  void everyKeyAnswersAsAloneAndEvictedKeysStartAfresh() throws SnapshotFormatException {
    for (int seed = 0; seed < 4; seed++) {
      Random random = new Random(seed);
      DetectorRuntime shared = runtime.newDetectors("login", SHARE);
      // The model: one runtime per key, the least recently used dropped past the bound.
      Map<String, DetectorRuntime> alone =
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, DetectorRuntime> eldest) {
              return size() > BOUND;
            }
          };
      long now = 0;
      for (int step = 0; step < 4_000; step++) {
        // A few busy keys and a long tail, so keys are evicted and their places reused.
        String user = "u" + (random.nextBoolean() ? random.nextInt(10) : random.nextInt(300));
        int n = random.nextInt(8) == 0 ? 40 + random.nextInt(60) : random.nextInt(20);
        now += random.nextInt(6) == 0 ? random.nextInt(90_000) : random.nextInt(2_000);
        DetectorRuntime own = alone.computeIfAbsent(user, u -> runtime.newDetectors("login", 1));
        String at = "seed " + seed + " step " + step + " user " + user;
        assertEquals(detect(own, user, n, now), detect(shared, user, n, now), at);
        if (step % 200 == 199) {
          shared = copied(shared, step % 400 == 199);
          assertEquals(alone.size(), shared.states().keyCount(fingerprint(shared)), at);
        }
      }
    }
  }

  /** A fresh runtime with the state of {@code from}: through a snapshot, or adopted. */
  private DetectorRuntime copied(DetectorRuntime from, boolean throughSnapshot)
      throws SnapshotFormatException {
    DetectorRuntime copy = runtime.newDetectors("login", SHARE);
    String fingerprint = fingerprint(from);
    if (throughSnapshot) {
      copy.states().restore(fingerprint, from.states().snapshot(fingerprint, 1 << 24).bytes());
    } else {
      copy.states().adopt(from.states());
    }
    return copy;
  }

  private static String fingerprint(DetectorRuntime runtime) {
    return runtime.states().fingerprints().iterator().next();
  }
}
