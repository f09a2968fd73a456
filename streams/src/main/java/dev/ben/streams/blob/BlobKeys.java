package dev.ben.streams.blob;

import java.util.regex.Pattern;

/**
 * The one rule for blob keys, so a key valid in the local store is valid in S3 and the other way
 * round.
 */
public final class BlobKeys {

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._=-]{0,127}");

  private BlobKeys() {}

  /** Returns the key, or throws {@link BlobException} saying what is wrong with it. */
  public static String check(String key) {
    if (key == null || key.isEmpty()) {
      throw new BlobException("a blob key must not be empty");
    }
    if (key.length() > 512) {
      throw new BlobException("blob key is longer than 512 characters");
    }
    for (String segment : key.split("/", -1)) {
      if (!SEGMENT.matcher(segment).matches() || segment.equals("..")) {
        throw new BlobException(
            "blob key `"
                + key
                + "` has an invalid segment `"
                + segment
                + "`: use letters, digits, `.`, `_`, `=`, `-`, not starting with a dot, separated by single `/`");
      }
    }
    return key;
  }

  /** A prefix is a key start: empty, or a valid key optionally ending in `/`. */
  public static String checkPrefix(String prefix) {
    if (prefix.isEmpty()) {
      return prefix;
    }
    check(prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix);
    return prefix;
  }
}
