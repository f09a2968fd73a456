package dev.ben.contracts.engine.playbook;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * A playbook whose condition held on an event: fired (signal emitted) or suppressed by its bound
 * (with the reason), and everything needed to explain the decision later.
 */
@JsonPropertyOrder({
  "playbook",
  "status",
  "reason",
  "contractVersion",
  "fingerprint",
  "atMillis",
  "condition",
  "explanation",
  "signal",
  "args",
  "bits",
  "rules",
  "detectors",
  "inputs"
})
public record PlaybookOutcome(
    String playbook,
    Status status,
    String reason,
    String contractVersion,
    String fingerprint,
    long atMillis,
    String condition,
    String explanation,
    String signal,
    Map<String, Object> args,
    List<String> bits,
    List<String> rules,
    Map<String, Double> detectors,
    Map<String, Object> inputs) {

  public enum Status {
    FIRED,
    SUPPRESSED
  }

  /**
   * This outcome as its bound decided: fired for {@link BoundAdmission#ADMITTED}, otherwise
   * suppressed with the verdict as reason.
   */
  public PlaybookOutcome withVerdict(String verdict) {
    boolean admitted = BoundAdmission.ADMITTED.equals(verdict);
    return new PlaybookOutcome(
        playbook,
        admitted ? Status.FIRED : Status.SUPPRESSED,
        verdict,
        contractVersion,
        fingerprint,
        atMillis,
        condition,
        explanation,
        signal,
        args,
        bits,
        rules,
        detectors,
        inputs);
  }
}
