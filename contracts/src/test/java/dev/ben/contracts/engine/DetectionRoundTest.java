package dev.ben.contracts.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.contracts.engine.DetectorRuntime.Detection;
import dev.ben.contracts.engine.playbook.BoundAdmission;
import dev.ben.contracts.engine.playbook.BoundRequest;
import dev.ben.contracts.engine.playbook.LocalBoundAdmission;
import dev.ben.contracts.engine.playbook.PlaybookOutcome;
import dev.ben.contracts.event.Event;
import dev.ben.contracts.model.CompareOp;
import dev.ben.contracts.model.ContractSet;
import dev.ben.contracts.model.ExampleContracts;
import dev.ben.contracts.model.ModelJson;
import dev.ben.contracts.model.Playbook;
import dev.ben.contracts.model.PlaybookBound;
import dev.ben.contracts.model.PlaybookCondition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Playbooks in two phases: candidates from a round of events, then their bounds' verdicts. */
class DetectionRoundTest {

  private static final byte[] KEY = "k".getBytes(StandardCharsets.UTF_8);
  private static final long MINUTE = ExampleContracts.MINUTE;

  /** The auth example whose lockout fires on every warm login: at most 3 a minute, per user 10s. */
  private static ContractRuntime eager() {
    ContractSet base = ExampleContracts.contractSet();
    Playbook eager =
        ModelJson.seal(
            new Playbook(
                "lockout",
                "login",
                new PlaybookCondition.FactCompare("attempts_level", CompareOp.GE, "WARM"),
                ExampleContracts.lockout().emit(),
                new PlaybookBound(3, MINUTE, 10_000, List.of("user")),
                "",
                ""));
    return ContractRuntime.build(
        new ContractSet(
            base.project(),
            base.version(),
            base.schemas(),
            base.lists(),
            base.policies(),
            base.detectors(),
            base.signals(),
            List.of(eager),
            base.pipelines()),
        "auth",
        KEY);
  }

  private static String summary(Detection detection) {
    return summary(detection.playbooks());
  }

  private static String summary(List<PlaybookOutcome> outcomes) {
    return outcomes.stream()
        .map(p -> p.status() + " " + p.args().get("user") + " " + p.reason())
        .toList()
        .toString();
  }

  /** Candidates of logins by users u0..u(n-1) in turn, one second apart. */
  private static DetectionRound round(ContractRuntime runtime, int from, int count, int users) {
    DetectorRuntime detectors = runtime.newDetectors("login", 1);
    SpineEvaluator spine = runtime.spine("login");
    RecordedDecisions recorded = runtime.recordedDecisions("login");
    List<PendingDetection> pending = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      Event event = ContractRuntimeTest.login(runtime, "u" + i % users, "10.0.0.1", 4);
      spine.evaluate(event);
      pending.add(
          detectors.candidates(
              event, recorded.load(spine.setBits(), spine.firedRules(), spine.facts()), i * 1000L));
    }
    return new DetectionRound(pending);
  }

  @Test
  void admittingARoundDecidesExactlyAsAdmittingEventByEvent() {
    ContractRuntime together = eager();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      Event event = ContractRuntimeTest.login(together, "u" + i % 4, "10.0.0.1", 4);
      expected.add(summary(together.evaluate(event, i * 1000L).playbooks()));
    }
    List<String> actual =
        round(eager(), 0, 30, 4)
            .admit(new LocalBoundAdmission())
            .toCompletableFuture()
            .join()
            .stream()
            .map(DetectionRoundTest::summary)
            .toList();
    assertEquals(expected, actual);
    assertEquals(
        3, actual.stream().filter(s -> s.contains("FIRED")).count(), "at most 3 per minute");
  }

  @Test
  void eachPlaybookIsAskedOncePerRoundWithItsCandidatesInOrder() {
    List<List<BoundRequest>> asked = new ArrayList<>();
    BoundAdmission recording =
        (playbook, requests) -> {
          asked.add(requests);
          return CompletableFuture.completedFuture(
              requests.stream()
                  .map(r -> r.atMillis() == 1000 ? BoundAdmission.ADMITTED : "no")
                  .toList());
        };
    DetectionRound round = round(eager(), 0, 3, 3);
    assertTrue(round.hasCandidates());
    List<Detection> detections = round.admit(recording).toCompletableFuture().join();
    assertEquals(
        List.of(
            List.of(
                new BoundRequest("user=u0", 0),
                new BoundRequest("user=u1", 1000),
                new BoundRequest("user=u2", 2000))),
        asked);
    assertEquals(
        List.of("[SUPPRESSED u0 no]", "[FIRED u1 ]", "[SUPPRESSED u2 no]"),
        detections.stream().map(DetectionRoundTest::summary).toList());
  }

  @Test
  void aBoundThatFailsOrMiscountsSuppressesItsCandidates() {
    BoundAdmission failing =
        (playbook, requests) -> CompletableFuture.failedFuture(new IllegalStateException("gone"));
    BoundAdmission miscounting =
        (playbook, requests) -> CompletableFuture.completedFuture(List.of(BoundAdmission.ADMITTED));
    for (BoundAdmission admission : List.of(failing, miscounting)) {
      List<Detection> detections =
          round(eager(), 0, 2, 2).admit(admission).toCompletableFuture().join();
      for (Detection detection : detections) {
        PlaybookOutcome outcome = detection.playbooks().get(0);
        assertEquals(PlaybookOutcome.Status.SUPPRESSED, outcome.status());
        assertEquals(BoundAdmission.UNAVAILABLE, outcome.reason());
      }
    }
  }

  @Test
  void aCandidateNotYetAdmittedCountsAsSuppressed() {
    ContractRuntime runtime = eager();
    var detectors = runtime.newDetectors("login", 1);
    var spine = runtime.spine("login");
    Event event = ContractRuntimeTest.login(runtime, "ann", "10.0.0.1", 4);
    spine.evaluate(event);
    PendingDetection pending =
        detectors.candidates(
            event,
            runtime
                .recordedDecisions("login")
                .load(spine.setBits(), spine.firedRules(), spine.facts()),
            0);
    assertEquals(PlaybookOutcome.Status.SUPPRESSED, pending.candidates().get(0).pending().status());
  }

  @Test
  void aRoundWithoutCandidatesIsSettledWithoutAskingAnyBound() {
    ContractRuntime runtime = eager();
    PendingDetection quiet =
        runtime
            .newDetectors("login", 1)
            .candidates(
                ContractRuntimeTest.login(runtime, "ann", "10.0.0.1", 4),
                runtime.recordedDecisions("login").load(List.of(), List.of(), Map.of()),
                0);
    DetectionRound round = new DetectionRound(List.of(quiet));
    assertFalse(round.hasCandidates(), "no recorded fact, so the condition does not hold");
    assertEquals(List.of(), round.settled().get(0).playbooks());
    assertEquals(0.0, round.settled().get(0).detectors().get("login_rate.fails"), "values kept");
  }
}
