package dev.ben.bux.api;

import java.util.Map;

/**
 * How a node is: UP (serving), DEGRADED (serving with a problem worth a look) or DOWN (not
 * serving), with one line per check saying what was found.
 */
public record HealthReport(Status status, Map<String, String> checks) {

  public enum Status {
    UP,
    DEGRADED,
    DOWN
  }

  public HealthReport {
    checks = Map.copyOf(checks);
  }
}
