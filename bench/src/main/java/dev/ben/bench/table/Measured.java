package dev.ben.bench.table;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One figure as a section file carries it (the JSON object under {@code figures.<FIGURE>}): the
 * value in its target's unit, judged against the target; how the table prints it when a bare value
 * says too little (percentiles, a rate); failures that must be none; the reference measured in the
 * same run (same unit) or why it was not; a note. Or, instead of all that, why it did not run.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Measured(
    @JsonProperty("value") Double value,
    @JsonProperty("text") String text,
    @JsonProperty("failures") Long failures,
    @JsonProperty("reference") Double reference,
    @JsonProperty("reference_text") String referenceText,
    @JsonProperty("reference_not_run") String referenceNotRun,
    @JsonProperty("note") String note,
    @JsonProperty("not_run") String notRun) {

  public static Measured of(double value) {
    return new Measured(value, null, null, null, null, null, null, null);
  }

  public static Measured notRun(String reason) {
    return new Measured(null, null, null, null, null, null, null, reason);
  }

  /**
   * Printed instead of the bare value, e.g. {@code p50 0.8 / p99 4.1 / p999 9.0 ms at 50,000/s}.
   */
  public Measured text(String printed) {
    return new Measured(
        value, printed, failures, reference, referenceText, referenceNotRun, note, notRun);
  }

  public Measured failures(long count) {
    return new Measured(
        value, text, count, reference, referenceText, referenceNotRun, note, notRun);
  }

  /** The reference's figure in the same unit, and optionally how to print it (null: the value). */
  public Measured reference(double figure, String printed) {
    return new Measured(value, text, failures, figure, printed, null, note, notRun);
  }

  public Measured referenceNotRun(String reason) {
    return new Measured(value, text, failures, null, null, reason, note, notRun);
  }

  public Measured note(String line) {
    return new Measured(
        value, text, failures, reference, referenceText, referenceNotRun, line, notRun);
  }
}
