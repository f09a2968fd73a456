package dev.ben.streams.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Slow, salted password hashes with the JDK's PBKDF2WithHmacSHA256. The encoding names the
 * algorithm and the iteration count beside the salt ({@code pbkdf2-sha256$600000$salt$hash}), so
 * stored hashes stay verifiable when the defaults for new ones change.
 */
public final class PasswordHashes {

  private static final String SCHEME = "pbkdf2-sha256";
  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";

  /** The count OWASP recommends for PBKDF2-HMAC-SHA256; each guess costs an attacker as much. */
  public static final int ITERATIONS = 600_000;

  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;

  private final SecureRandom random;

  public PasswordHashes(SecureRandom random) {
    this.random = random;
  }

  /** A new hash of the password under a fresh random salt. */
  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return SCHEME
        + "$"
        + ITERATIONS
        + "$"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(derive(password, salt, ITERATIONS, HASH_BITS));
  }

  /**
   * Whether the password is the one hashed; the comparison takes the same time wherever the bytes
   * differ. An encoding this class cannot read matches no password.
   */
  public static boolean matches(String password, String encoded) {
    String[] parts = encoded.split("\\$", -1);
    if (parts.length != 4 || !parts[0].equals(SCHEME)) {
      return false;
    }
    try {
      int iterations = Integer.parseInt(parts[1]);
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      if (iterations <= 0 || salt.length == 0 || expected.length == 0) {
        return false;
      }
      return MessageDigest.isEqual(
          expected, derive(password, salt, iterations, expected.length * 8));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static byte[] derive(String password, byte[] salt, int iterations, int bits) {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, bits);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is part of every Java 17 runtime", e);
    } finally {
      spec.clearPassword();
    }
  }
}
