package dev.ben.contracts.engine.blot;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SHA-256 and HMAC-SHA-256 over UTF-8, lower-case hex. Holds reusable JCA instances, so not
 * thread-safe.
 */
final class Hashing {

  private static final HexFormat HEX = HexFormat.of();

  private final MessageDigest sha256;
  private final Mac hmac;

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
    return HEX.formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  String hmac(String text) {
    return HEX.formatHex(hmac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }
}
