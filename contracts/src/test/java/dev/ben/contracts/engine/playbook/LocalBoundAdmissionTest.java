package dev.ben.contracts.engine.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.contracts.model.ExampleContracts;
import dev.ben.contracts.model.Playbook;
import dev.ben.contracts.model.PlaybookBound;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bounds as one runtime holds them, and the wording of a bound held for the whole cluster. */
class LocalBoundAdmissionTest {

  private static final long MINUTE = ExampleContracts.MINUTE;

  private static Playbook bounded(PlaybookBound bound) {
    Playbook lockout = ExampleContracts.lockout();
    return new Playbook(
        lockout.name(),
        lockout.schema(),
        lockout.when(),
        lockout.emit(),
        bound,
        lockout.explanation(),
        lockout.fingerprint());
  }

  private static List<String> admit(
      BoundAdmission admission, Playbook playbook, List<BoundRequest> requests) {
    return admission.admit(playbook, requests).toCompletableFuture().join();
  }

  @Test
  void atMostNPerWindowCountsEveryRequestInOrderAcrossCalls() {
    var admission = new LocalBoundAdmission();
    Playbook two = bounded(new PlaybookBound(2, MINUTE, 0, List.of()));
    List<String> first =
        admit(admission, two, List.of(new BoundRequest("", 0), new BoundRequest("", 1000)));
    List<String> second =
        admit(admission, two, List.of(new BoundRequest("", 59_999), new BoundRequest("", 60_000)));
    assertEquals(List.of(BoundAdmission.ADMITTED, BoundAdmission.ADMITTED), first);
    assertEquals("rate: already fired 2 times in the last 60000 ms", second.get(0));
    assertEquals(BoundAdmission.ADMITTED, second.get(1), "the first firing left the window");
  }

  @Test
  void cooldownIsPerScopeKey() {
    var admission = new LocalBoundAdmission();
    Playbook cooling = bounded(new PlaybookBound(0, 0, 5 * MINUTE, List.of("user")));
    assertEquals(
        List.of(
            BoundAdmission.ADMITTED,
            BoundAdmission.ADMITTED,
            "cooldown: fired for user=ann 1000 ms ago, cooldown is 300000 ms"),
        admit(
            admission,
            cooling,
            List.of(
                new BoundRequest("user=ann", 0),
                new BoundRequest("user=bob", 500),
                new BoundRequest("user=ann", 1000))));
  }

  @Test
  void aChangedBoundStartsAfresh() {
    var admission = new LocalBoundAdmission();
    Playbook one = bounded(new PlaybookBound(1, MINUTE, 0, List.of()));
    assertEquals(BoundAdmission.ADMITTED, admission.admitNow(one, new BoundRequest("", 0)));
    assertTrue(admission.admitNow(one, new BoundRequest("", 1)).startsWith("rate:"));
    Playbook three = bounded(new PlaybookBound(3, MINUTE, 0, List.of()));
    assertEquals(BoundAdmission.ADMITTED, admission.admitNow(three, new BoundRequest("", 2)));
  }

  @Test
  void aClusterWideBoundSaysSoInItsReasons() {
    Bounds bounds = Bounds.clusterWide(new PlaybookBound(1, MINUTE, 5 * MINUTE, List.of()));
    assertEquals(BoundAdmission.ADMITTED, bounds.admit(new BoundRequest("", 0)));
    assertEquals(
        "cooldown: fired for this playbook 10 ms ago, cooldown is 300000 ms, counted across the"
            + " cluster",
        bounds.admit(new BoundRequest("", 10)));
    Bounds rate = Bounds.clusterWide(new PlaybookBound(1, MINUTE, 0, List.of()));
    rate.admit(new BoundRequest("", 0));
    assertEquals(
        "rate: already fired 1 times in the last 60000 ms, counted across the cluster",
        rate.admit(new BoundRequest("", 10)));
  }
}
