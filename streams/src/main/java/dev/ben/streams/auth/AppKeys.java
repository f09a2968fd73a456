package dev.ben.streams.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The keys apps present at ingest: {@code ben_app_<app>_<secret>}, the secret being 32 random bytes
 * in unpadded base64url (43 characters). The app's name is in the key so a node finds the one
 * record to compare with, without a scan; the secret is what proves it. Keys are stored only as
 * their SHA-256: they are random with 256 bits of entropy, so a slow password hash would add
 * nothing but cost on every request.
 */
public final class AppKeys {

  public static final String PREFIX = "ben_app_";

  static final int SECRET_BYTES = 32;
  static final int SECRET_CHARS = 43;

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private final SecureRandom random;

  public AppKeys(SecureRandom random) {
    this.random = random;
  }

  /** A new key of the app: shown to its creator once, stored only as {@link #hash}. */
  public String mint(String app) {
    if (!StoredApp.validName(app)) {
      throw new IllegalArgumentException(
          "`" + app + "` is not an app name (" + StoredApp.NAME_RULE + ")");
    }
    byte[] secret = new byte[SECRET_BYTES];
    random.nextBytes(secret);
    return PREFIX + app + "_" + ENCODER.encodeToString(secret);
  }

  /** The app a key names, or empty when the text does not have a key's shape. */
  public static Optional<String> appOf(String key) {
    if (key == null
        || !key.startsWith(PREFIX)
        || key.length() < PREFIX.length() + 2 + SECRET_CHARS) {
      return Optional.empty();
    }
    int separator = key.length() - SECRET_CHARS - 1;
    if (key.charAt(separator) != '_' || !isBase64Url(key.substring(separator + 1))) {
      return Optional.empty();
    }
    String app = key.substring(PREFIX.length(), separator);
    return StoredApp.validName(app) ? Optional.of(app) : Optional.empty();
  }

  /** The stored form of a key: lowercase hex SHA-256 of its text. */
  public static String hash(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Whether {@code key} is the one stored as {@code storedHash}, compared in constant time. */
  public static boolean matches(String key, String storedHash) {
    return MessageDigest.isEqual(
        hash(key).getBytes(StandardCharsets.US_ASCII),
        storedHash.getBytes(StandardCharsets.US_ASCII));
  }

  private static boolean isBase64Url(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
