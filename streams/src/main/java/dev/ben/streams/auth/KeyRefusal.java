package dev.ben.streams.auth;

/**
 * Why an app's key was not taken, with the label it is counted under; only {@link #APP_MISMATCH} is
 * about what the key may do rather than whether it is a key at all.
 */
public enum KeyRefusal {
  MISSING_KEY("missing_key"),
  MALFORMED_KEY("malformed_key"),
  UNKNOWN_KEY("unknown_key"),
  REVOKED_KEY("revoked_key"),
  APP_MISMATCH("app_mismatch");

  private final String label;

  KeyRefusal(String label) {
    this.label = label;
  }

  /** As counted: {@code missing_key}. */
  public String label() {
    return label;
  }

  /** The key is fine, but not for what the request asks: 403 rather than 401. */
  public boolean forbidden() {
    return this == APP_MISMATCH;
  }
}
