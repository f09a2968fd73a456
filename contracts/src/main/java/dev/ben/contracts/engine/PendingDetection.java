package dev.ben.contracts.engine;

import dev.ben.contracts.engine.DetectorRuntime.Detection;
import dev.ben.contracts.engine.playbook.PlaybookCandidate;
import dev.ben.contracts.engine.playbook.PlaybookOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What detection found for one event before the bounds have spoken: detector values, the score, and
 * the playbooks whose condition held (candidates, in playbook order).
 */
public record PendingDetection(
    Map<String, Double> detectors, List<PlaybookCandidate> candidates, Double score) {

  public PendingDetection {
    candidates = List.copyOf(candidates);
  }

  /** The detection once each candidate's bound has decided: one verdict per candidate, in order. */
  public Detection decided(List<String> verdicts) {
    if (verdicts.size() != candidates.size()) {
      throw new IllegalArgumentException(
          verdicts.size() + " verdicts for " + candidates.size() + " candidates");
    }
    if (candidates.isEmpty()) {
      return new Detection(detectors, List.of(), score);
    }
    List<PlaybookOutcome> outcomes = new ArrayList<>(candidates.size());
    for (int i = 0; i < candidates.size(); i++) {
      outcomes.add(candidates.get(i).decided(verdicts.get(i)));
    }
    return new Detection(detectors, outcomes, score);
  }
}
