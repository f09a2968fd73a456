package dev.ben.contracts.diag;

/**
 * How serious a diagnostic is: errors fail the build, warnings are printed and (by project setting)
 * may fail it.
 */
public enum Severity {
  ERROR("error"),
  WARNING("warning");

  private final String label;

  Severity(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
