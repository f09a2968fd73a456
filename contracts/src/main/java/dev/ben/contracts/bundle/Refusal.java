package dev.ben.contracts.bundle;

import java.util.Objects;

/** Why a bundle was refused: a machine-readable reason and a detail a person can act on. */
public record Refusal(Reason reason, String detail) {

  /**
   * The ways a bundle can be refused, from "not ours at all" to "ours but signed by a stranger".
   */
  public enum Reason {
    NOT_A_BUNDLE("not a Ben bundle"),
    UNSUPPORTED_FORMAT_VERSION("unsupported bundle format version"),
    MALFORMED("malformed bundle"),
    ARTIFACT_FINGERPRINT_MISMATCH("artifact fingerprint mismatch"),
    MANIFEST_TAMPERED("manifest tampered"),
    UNSIGNED("bundle is not signed"),
    SIGNATURE_INVALID("signature invalid"),
    KEY_NOT_TRUSTED("signing key not trusted");

    private final String summary;

    Reason(String summary) {
      this.summary = summary;
    }

    /** A short phrase for people. */
    public String summary() {
      return summary;
    }
  }

  public Refusal {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }

  /** {@code summary: detail}, the line a CLI prints. */
  public String message() {
    return reason.summary() + ": " + detail;
  }

  @Override
  public String toString() {
    return reason + ": " + detail;
  }
}
