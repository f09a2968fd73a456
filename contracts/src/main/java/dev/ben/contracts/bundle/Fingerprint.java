package dev.ben.contracts.bundle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A {@code sha256:<64 lowercase hex>} content fingerprint, used for artifacts and for the bundle
 * identity.
 */
public record Fingerprint(String value) {

  private static final String PREFIX = "sha256:";
  private static final Pattern SHAPE = Pattern.compile("sha256:[0-9a-f]{64}");

  public Fingerprint {
    if (value == null || !SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "not a fingerprint: '"
              + value
              + "' (expected sha256: followed by 64 lowercase hex digits)");
    }
  }

  /** The fingerprint of {@code bytes}. */
  public static Fingerprint of(byte[] bytes) {
    return new Fingerprint(PREFIX + HexFormat.of().formatHex(sha256(bytes)));
  }

  /**
   * Whether {@code text} has the shape of a fingerprint, for readers that must refuse rather than
   * throw.
   */
  public static boolean isWellFormed(String text) {
    return text != null && SHAPE.matcher(text).matches();
  }

  /** The 64 hex digits without the algorithm prefix. */
  public String hex() {
    return value.substring(PREFIX.length());
  }

  /** A short form for people: the prefix and the first 12 hex digits. */
  public String shortForm() {
    return value.substring(0, PREFIX.length() + 12);
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java 17 runtime provides SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
