package dev.ben.streams.auth;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class GeneratedPasswordsTest {

  @Test
  void passwordsAreLongAndNeverRepeat() {
    GeneratedPasswords passwords = new GeneratedPasswords(new SecureRandom());
    String first = passwords.next();
    assertTrue(first.length() >= 24, first);
    assertTrue(first.chars().allMatch(Character::isLetterOrDigit), first);
    assertNotEquals(first, passwords.next());
  }
}
