package dev.ben.contracts.engine;

import dev.ben.contracts.engine.DetectorRuntime.Detection;
import dev.ben.contracts.engine.playbook.BoundAdmission;
import dev.ben.contracts.engine.playbook.BoundRequest;
import dev.ben.contracts.engine.playbook.PlaybookCandidate;
import dev.ben.contracts.model.Playbook;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The pending detections of one round of events, in order, and their admission: the candidates of
 * each playbook go to its bound together (one request per playbook per round, in event order), and
 * each verdict decides its candidate. Because a bound's verdicts never feed back into detection,
 * this decides exactly as admitting event by event would. A bound that fails or answers the wrong
 * number of verdicts suppresses its candidates ({@link BoundAdmission#UNAVAILABLE}): a signal is an
 * action on the app, so without a verdict none goes out.
 */
public final class DetectionRound {

  private final List<PendingDetection> pending;

  public DetectionRound(List<PendingDetection> pending) {
    this.pending = List.copyOf(pending);
  }

  /** True when some playbook's condition held, so the round needs its bounds' verdicts. */
  public boolean hasCandidates() {
    for (PendingDetection p : pending) {
      if (!p.candidates().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** The detections of a round without candidates, which need no verdict. */
  public List<Detection> settled() {
    if (hasCandidates()) {
      throw new IllegalStateException("the round has candidates awaiting their bounds");
    }
    return decide(null);
  }

  private record PlaybookRequests(
      Playbook playbook, List<int[]> positions, List<BoundRequest> requests) {}

  /** Asks each playbook's bound once for its candidates, then decides every detection. */
  public CompletionStage<List<Detection>> admit(BoundAdmission admission) {
    if (!hasCandidates()) {
      // Most rounds: no bound to ask, so nothing to wait for.
      return CompletableFuture.completedFuture(decide(null));
    }
    String[][] verdicts = new String[pending.size()][];
    Map<String, PlaybookRequests> byPlaybook = new LinkedHashMap<>();
    for (int i = 0; i < pending.size(); i++) {
      List<PlaybookCandidate> candidates = pending.get(i).candidates();
      verdicts[i] = new String[candidates.size()];
      for (int c = 0; c < candidates.size(); c++) {
        PlaybookCandidate candidate = candidates.get(c);
        PlaybookRequests group =
            byPlaybook.computeIfAbsent(
                candidate.playbook().name(),
                name ->
                    new PlaybookRequests(
                        candidate.playbook(), new ArrayList<>(), new ArrayList<>()));
        group.positions().add(new int[] {i, c});
        group.requests().add(candidate.request());
      }
    }
    List<CompletableFuture<Void>> asks = new ArrayList<>(byPlaybook.size());
    for (PlaybookRequests group : byPlaybook.values()) {
      asks.add(
          ask(admission, group)
              .thenAccept(answers -> place(group, answers, verdicts))
              .toCompletableFuture());
    }
    return CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new))
        .thenApply(done -> decide(verdicts));
  }

  private static CompletionStage<List<String>> ask(
      BoundAdmission admission, PlaybookRequests group) {
    int expected = group.requests().size();
    CompletionStage<List<String>> asked;
    try {
      asked = admission.admit(group.playbook(), List.copyOf(group.requests()));
    } catch (RuntimeException e) {
      asked = CompletableFuture.failedFuture(e);
    }
    return asked.handle(
        (answers, failure) ->
            failure == null && answers != null && answers.size() == expected
                ? answers
                : Collections.nCopies(expected, BoundAdmission.UNAVAILABLE));
  }

  private static void place(PlaybookRequests group, List<String> answers, String[][] verdicts) {
    for (int k = 0; k < answers.size(); k++) {
      int[] at = group.positions().get(k);
      verdicts[at[0]][at[1]] = answers.get(k);
    }
  }

  /** Every detection with its verdicts; none when {@code verdicts} is null. */
  private List<Detection> decide(String[][] verdicts) {
    if (pending.size() == 1) {
      return List.of(pending.get(0).decided(verdicts == null ? List.of() : List.of(verdicts[0])));
    }
    List<Detection> detections = new ArrayList<>(pending.size());
    for (int i = 0; i < pending.size(); i++) {
      detections.add(pending.get(i).decided(verdicts == null ? List.of() : List.of(verdicts[i])));
    }
    return detections;
  }
}
