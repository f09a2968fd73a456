package dev.ben.contracts.bundle;

import static dev.ben.contracts.bundle.Refusal.Reason.KEY_NOT_TRUSTED;
import static dev.ben.contracts.bundle.Refusal.Reason.SIGNATURE_INVALID;

import java.security.PublicKey;
import java.util.Optional;

/**
 * Decides whether a bundle may be used: it must be intact (see {@link BundleReader}), signed over
 * its manifest with Ed25519, by a key the caller trusts. Never throws on bad input; every problem
 * is a {@link Refusal}.
 */
public final class BundleVerifier {

  private BundleVerifier() {}

  /** Reads and verifies bundle bytes in one step. */
  public static Verification verify(byte[] bytes, TrustedKeys trusted) {
    try {
      return verify(BundleReader.read(bytes), trusted);
    } catch (BundleRefusedException e) {
      return new Verification.Refused(e.refusal());
    }
  }

  /** Verifies the signature of an intact bundle against the trusted keys. */
  public static Verification verify(Bundle bundle, TrustedKeys trusted) {
    BundleSignature signature = bundle.signature();
    Optional<PublicKey> key = trusted.find(signature.keyId());
    if (key.isEmpty()) {
      String known =
          trusted.isEmpty() ? "no keys are trusted" : "trusted keys are " + trusted.keyIds();
      return refused(
          KEY_NOT_TRUSTED, "the bundle is signed by " + signature.keyId() + " but " + known);
    }
    if (!Ed25519.verify(key.get(), bundle.manifest().canonicalBytes(), signature.value())) {
      return refused(
          SIGNATURE_INVALID,
          "the signature claimed by "
              + signature.keyId()
              + " does not match the manifest; the bundle was altered after signing or signed by another key");
    }
    return new Verification.Verified(bundle, signature.keyId());
  }

  private static Verification refused(Refusal.Reason reason, String detail) {
    return new Verification.Refused(new Refusal(reason, detail));
  }
}
