package dev.ben.contracts.engine.blot;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * SHA-256 and HMAC-SHA-256 over UTF-8, lower-case hex. Every event with a hashed field passes
 * through here, so the JCA instances, the digest and its hex are reused buffers and the only thing
 * allocated is the answer. Not thread-safe.
 */
final class Hashing {

  private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  /** SHA-256's output, for both. */
  private static final int DIGEST_BYTES = 32;

  private final MessageDigest sha256;
  private final Mac hmac;
  private final byte[] digest = new byte[DIGEST_BYTES];
  private final byte[] hex = new byte[DIGEST_BYTES * 2];

  Hashing(byte[] deploymentKey) {
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
      if (deploymentKey == null || deploymentKey.length == 0) {
        this.hmac = null;
      } else {
        this.hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(deploymentKey, "HmacSHA256"));
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks SHA-256 or HMAC-SHA-256", e);
    }
  }

  boolean hasKey() {
    return hmac != null;
  }

  String sha256(String text) {
    sha256.update(text.getBytes(StandardCharsets.UTF_8));
    try {
      sha256.digest(digest, 0, DIGEST_BYTES);
    } catch (DigestException e) {
      throw new IllegalStateException("SHA-256 gave no 32-byte digest", e);
    }
    return hex();
  }

  String hmac(String text) {
    hmac.update(text.getBytes(StandardCharsets.UTF_8));
    try {
      hmac.doFinal(digest, 0);
    } catch (ShortBufferException e) {
      throw new IllegalStateException("HMAC-SHA-256 gave more than 32 bytes", e);
    }
    return hex();
  }

  /** The digest as lower-case hex (what {@code HexFormat.of().formatHex} gives). */
  private String hex() {
    for (int i = 0; i < DIGEST_BYTES; i++) {
      hex[2 * i] = HEX_DIGITS[(digest[i] >> 4) & 0xF];
      hex[2 * i + 1] = HEX_DIGITS[digest[i] & 0xF];
    }
    return new String(hex, StandardCharsets.ISO_8859_1);
  }
}
