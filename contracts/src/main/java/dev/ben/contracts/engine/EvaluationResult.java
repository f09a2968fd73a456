package dev.ben.contracts.engine;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ben.contracts.engine.playbook.PlaybookOutcome;
import dev.ben.contracts.model.Action;
import java.util.List;
import java.util.Map;

/**
 * Everything decided about one event, in the shape {@code benctl test -o json} prints: set bits
 * (names), fired rules (winner first), the winning action ({@code pass} when none), facts, the
 * redacted event, detector values ({@code detector.feature}; null when a feature has no value yet),
 * playbook outcomes and the anomaly score (the highest anomaly feature, null when there is none).
 * {@code winner} is the winning rule's action as the runtime acts on it (null for pass); {@code
 * action} is its label for people. {@code decided} is the typed redacted event and the spine's
 * decisions in compact form, for a detector in the same process: never written, so null once read
 * back (and outside the data plane's spine).
 */
@JsonPropertyOrder({
  "schema",
  "bits",
  "rules",
  "action",
  "facts",
  "redacted",
  "detectors",
  "playbooks",
  "score"
})
public record EvaluationResult(
    String schema,
    List<String> bits,
    List<String> rules,
    String action,
    Map<String, String> facts,
    Map<String, Object> redacted,
    Map<String, Double> detectors,
    List<PlaybookOutcome> playbooks,
    Double score,
    @JsonIgnore Action winner,
    @JsonIgnore DecidedEvent decided) {

  /** Decisions without the typed hand-off (read back, or made outside the data plane's spine). */
  public EvaluationResult(
      String schema,
      List<String> bits,
      List<String> rules,
      String action,
      Map<String, String> facts,
      Map<String, Object> redacted,
      Map<String, Double> detectors,
      List<PlaybookOutcome> playbooks,
      Double score,
      Action winner) {
    this(schema, bits, rules, action, facts, redacted, detectors, playbooks, score, winner, null);
  }

  /**
   * The same decisions completed by the detectors, which run after the spine (and maybe on another
   * member).
   */
  public EvaluationResult withDetection(DetectorRuntime.Detection detection) {
    return new EvaluationResult(
        schema,
        bits,
        rules,
        action,
        facts,
        redacted,
        detection.detectors(),
        detection.playbooks(),
        detection.score(),
        winner,
        decided);
  }
}
