package dev.ben.bench.table;

import java.util.Locale;

/**
 * What a figure is held against: a bound in its unit (at least, for rates; at most, for latencies
 * and heap), optionally no failures at all, and optionally a least share of the reference measured
 * in the same run. A target with no bound only reports its figure.
 */
public record Target(Bound bound, double limit, String unit, boolean noFailures, double minShare) {

  /** Which side of {@link #limit()} a figure must be on. */
  public enum Bound {
    AT_LEAST,
    AT_MOST,
    NONE
  }

  public static Target atLeast(double limit, String unit) {
    return new Target(Bound.AT_LEAST, limit, unit, false, 0);
  }

  public static Target atMost(double limit, String unit) {
    return new Target(Bound.AT_MOST, limit, unit, false, 0);
  }

  /** A figure printed for context, held against nothing. */
  public static Target reported(String unit) {
    return new Target(Bound.NONE, 0, unit, false, 0);
  }

  /** The same target, and not a single failure on top. */
  public Target withoutFailures() {
    return new Target(bound, limit, unit, true, minShare);
  }

  /** The same target, and at least {@code share} of the reference's figure on top. */
  public Target andShareOfReference(double share) {
    return new Target(bound, limit, unit, noFailures, share);
  }

  /** The target as the table prints it, e.g. {@code >= 400,000 events/s}. */
  public String describe() {
    String text =
        switch (bound) {
          case AT_LEAST -> ">= " + format(limit, unit);
          case AT_MOST -> (unit.equals("ms") ? "p99 <= " : "<= ") + format(limit, unit);
          case NONE -> "(reported)";
        };
    if (noFailures) {
      text += ", no failures";
    }
    if (minShare > 0) {
      text += String.format(Locale.ROOT, ", >= %.1fx reference", minShare);
    }
    return text;
  }

  /** A value in this target's unit as the table prints it. */
  public String format(double value) {
    return format(value, unit);
  }

  static String format(double value, String unit) {
    String pattern = unit.equals("ms") ? "%,.2f %s" : "%,.0f %s";
    return String.format(Locale.ROOT, pattern, value, unit);
  }
}
