package dev.ben.contracts.bundle;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;

/** An Ed25519 key pair used to sign bundles; the key id names the public half. */
public record SigningKey(PrivateKey privateKey, PublicKey publicKey) {

  private static final byte[] PAIR_PROBE = "ben key pair probe".getBytes(StandardCharsets.UTF_8);

  public SigningKey {
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(publicKey, "publicKey");
  }

  /** The id verifiers use to find the public key among their trusted keys. */
  public String keyId() {
    return Ed25519.keyId(publicKey);
  }

  /**
   * Whether the two halves belong together, checked by signing a probe with one and verifying with
   * the other.
   */
  public boolean halvesMatch() {
    try {
      return Ed25519.verify(publicKey, PAIR_PROBE, Ed25519.sign(privateKey, PAIR_PROBE));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  byte[] sign(byte[] message) {
    return Ed25519.sign(privateKey, message);
  }

  @Override
  public String toString() {
    // Never print key material, even by accident in a log line.
    return "SigningKey[" + keyId() + "]";
  }
}
