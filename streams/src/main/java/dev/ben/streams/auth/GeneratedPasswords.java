package dev.ben.streams.auth;

import java.security.SecureRandom;

/**
 * Passwords the cluster makes up for people (the first administrator, users an admin creates):
 * shown once, so they can be long and random rather than memorable.
 */
public final class GeneratedPasswords {

  /** 32 characters of 62 kinds: about 190 bits, far beyond guessing through Login. */
  static final int LENGTH = 32;

  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final SecureRandom random;

  public GeneratedPasswords(SecureRandom random) {
    this.random = random;
  }

  public String next() {
    StringBuilder out = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return out.toString();
  }
}
