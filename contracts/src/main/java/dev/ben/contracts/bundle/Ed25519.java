package dev.ben.contracts.bundle;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.HexFormat;

/** The JDK's built-in Ed25519: key generation, signing, verification and key ids. */
public final class Ed25519 {

  static final String ALGORITHM = "Ed25519";
  private static final String KEY_ID_PREFIX = "ed25519:";
  private static final int KEY_ID_HEX_DIGITS = 16;

  private Ed25519() {}

  /** A fresh key pair from the platform's strong random source. */
  public static SigningKey generate() {
    try {
      var pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
      return new SigningKey(pair.getPrivate(), pair.getPublic());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the Java 17 runtime always provides Ed25519", e);
    }
  }

  /**
   * {@code ed25519:} followed by the first 16 hex digits of the sha256 of the X.509 public key
   * encoding.
   */
  public static String keyId(PublicKey publicKey) {
    String hex = HexFormat.of().formatHex(Fingerprint.sha256(publicKey.getEncoded()));
    return KEY_ID_PREFIX + hex.substring(0, KEY_ID_HEX_DIGITS);
  }

  /**
   * Signs {@code message}; Ed25519 is deterministic, so the same key and message give the same
   * bytes.
   */
  static byte[] sign(PrivateKey key, byte[] message) {
    try {
      var signer = Signature.getInstance(ALGORITHM);
      signer.initSign(key);
      signer.update(message);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot sign with this key: " + e.getMessage(), e);
    }
  }

  /**
   * Whether {@code signature} is valid for {@code message}; any malformed input is simply not
   * valid.
   */
  static boolean verify(PublicKey key, byte[] message, byte[] signature) {
    try {
      var verifier = Signature.getInstance(ALGORITHM);
      verifier.initVerify(key);
      verifier.update(message);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }
}
