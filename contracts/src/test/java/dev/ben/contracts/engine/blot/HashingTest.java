package dev.ben.contracts.engine.blot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The reused buffers give, call after call, the JDK's own digests in lower-case hex. */
class HashingTest {

  private static final List<String> TEXTS =
      List.of("", "ann@example.org", "caf\u00e9 \u2603", "x".repeat(500), "ann@example.org");

  @Test
  void hashesAreTheJdksInLowerCaseHex() throws Exception {
    byte[] key = "a deployment key of some length".getBytes(StandardCharsets.UTF_8);
    var hashing = new Hashing(key);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (String text : TEXTS) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      assertEquals(HexFormat.of().formatHex(mac.doFinal(bytes)), hashing.hmac(text), text);
      assertEquals(HexFormat.of().formatHex(sha.digest(bytes)), hashing.sha256(text), text);
    }
  }
}
