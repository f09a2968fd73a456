package dev.ben.bench.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether one figure meets its {@link Target}, and in words by how much it falls short: a rate by
 * the share missing and the factor still needed, a latency or size by the excess and the factor it
 * is over, failures by their count, the reference share by the share reached.
 */
public record Verdict(Status status, String text) {

  /** How a figure stands against its target. */
  public enum Status {
    MET,
    SHORT,
    /** Its own bound is met, but a reference it must be held against was not measured. */
    NOT_JUDGED,
    /** The target only reports the figure. */
    REPORTED,
    NOT_RUN
  }

  public static Verdict notRun(String reason) {
    return new Verdict(Status.NOT_RUN, "not run: " + reason);
  }

  /**
   * Judges {@code measured} against {@code target}. {@code reference} is the reference's figure in
   * the same unit, or null with {@code referenceMissing} saying why.
   */
  public static Verdict judge(
      Target target, double measured, long failures, Double reference, String referenceMissing) {
    List<String> shortfalls = new ArrayList<>();
    switch (target.bound()) {
      case AT_LEAST -> {
        if (measured < target.limit()) {
          shortfalls.add(
              measured <= 0
                  ? "short by 100%"
                  : String.format(
                      Locale.ROOT,
                      "short by %.0f%% (needs %.2fx)",
                      100 * (1 - measured / target.limit()),
                      target.limit() / measured));
        }
      }
      case AT_MOST -> {
        if (measured > target.limit()) {
          shortfalls.add(
              String.format(
                  Locale.ROOT,
                  "over by %s (%.2fx the target)",
                  target.format(measured - target.limit()),
                  measured / target.limit()));
        }
      }
      case NONE -> {
        return new Verdict(Status.REPORTED, "reported");
      }
    }
    if (target.noFailures() && failures > 0) {
      shortfalls.add(String.format(Locale.ROOT, "%,d failed", failures));
    }
    boolean referenceUnknown = false;
    if (target.minShare() > 0) {
      if (reference == null || reference <= 0) {
        referenceUnknown = true;
      } else if (measured / reference < target.minShare()) {
        shortfalls.add(
            String.format(
                Locale.ROOT,
                "%.2fx the reference, needs %.2fx",
                measured / reference,
                target.minShare()));
      }
    }
    if (!shortfalls.isEmpty()) {
      return new Verdict(Status.SHORT, "SHORT: " + String.join("; ", shortfalls));
    }
    if (referenceUnknown) {
      return new Verdict(
          Status.NOT_JUDGED,
          "bound met; reference not measured"
              + (referenceMissing == null ? "" : " (" + referenceMissing + ")"));
    }
    return new Verdict(Status.MET, "met");
  }
}
