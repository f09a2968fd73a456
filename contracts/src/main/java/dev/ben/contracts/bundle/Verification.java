package dev.ben.contracts.bundle;

/** The outcome of verifying a bundle: verified (with the signer) or refused (with the reason). */
public sealed interface Verification {

  /** Whether the bundle may be used. */
  boolean ok();

  /** Integrity and signature check out, and the signer is trusted. */
  record Verified(Bundle bundle, String keyId) implements Verification {
    @Override
    public boolean ok() {
      return true;
    }
  }

  /** The bundle must not be used, for the stated reason. */
  record Refused(Refusal refusal) implements Verification {
    @Override
    public boolean ok() {
      return false;
    }
  }
}
