package dev.ben.contracts.bundle;

import java.util.Base64;
import java.util.Objects;

/**
 * The Ed25519 signature over the canonical manifest bytes, and the id of the key that made it. The
 * value must be canonical base64: otherwise two different texts would carry the same signature and
 * a bundle file could be altered without changing what verifies.
 */
public record BundleSignature(String algorithm, String keyId, String valueBase64) {

  public BundleSignature {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(valueBase64, "valueBase64");
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(valueBase64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the signature value is not valid base64 (" + e.getMessage() + ")", e);
    }
    if (!Base64.getEncoder().encodeToString(decoded).equals(valueBase64)) {
      throw new IllegalArgumentException(
          "the signature value is not canonical base64; it was altered");
    }
  }

  static BundleSignature sign(SigningKey key, Manifest manifest) {
    byte[] value = key.sign(manifest.canonicalBytes());
    return new BundleSignature(
        BundleFormat.SIGNATURE_ALGORITHM, key.keyId(), Base64.getEncoder().encodeToString(value));
  }

  /** The raw signature bytes. */
  public byte[] value() {
    return Base64.getDecoder().decode(valueBase64);
  }
}
