package dev.ben.streams.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordHashesTest {

  private final PasswordHashes hashes = new PasswordHashes(new SecureRandom());

  @Test
  void theHashedPasswordMatchesAndNoOtherDoes() {
    String encoded = hashes.hash("correct horse");
    assertTrue(PasswordHashes.matches("correct horse", encoded));
    assertFalse(PasswordHashes.matches("correct horse ", encoded));
    assertFalse(PasswordHashes.matches("", encoded));
  }

  @Test
  void theEncodingNamesAlgorithmIterationsAndAFreshSalt() {
    String first = hashes.hash("secret");
    String second = hashes.hash("secret");
    assertTrue(first.startsWith("pbkdf2-sha256$600000$"), first);
    assertNotEquals(first, second, "each hash has its own salt");
    assertFalse(first.contains("secret"));
  }

  @Test
  void theIterationCountReadFromTheEncodingIsTheOneUsed() {
    String encoded = hashes.hash("pw");
    String[] parts = encoded.split("\\$");
    assertFalse(PasswordHashes.matches("pw", parts[0] + "$1000$" + parts[2] + "$" + parts[3]));
  }

  @Test
  void unreadableEncodingsMatchNothing() {
    assertFalse(PasswordHashes.matches("pw", ""));
    assertFalse(PasswordHashes.matches("pw", "md5$abc"));
    assertFalse(PasswordHashes.matches("pw", "pbkdf2-sha256$x$AAAA$AAAA"));
    assertFalse(PasswordHashes.matches("pw", "pbkdf2-sha256$0$AAAA$AAAA"));
    assertFalse(PasswordHashes.matches("pw", "pbkdf2-sha256$10$!!$AAAA"));
  }
}
