package dev.ben.streams.auth;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A user as the identity store keeps it: name, role and password hash, stored as {@code ROLE hash}
 * (the hash's encoding has no spaces).
 */
public record StoredUser(String name, UserRole role, String passwordHash) {

  /** Names that are safe as RocksDB keys, KV keys and in messages. */
  /** The naming rule, as people read it in messages. */
  public static final String NAME_RULE = "a letter, then up to 63 letters, digits, _ and -";

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

  public StoredUser {
    if (!validName(name)) {
      throw new IllegalArgumentException("`" + name + "` is not a user name (" + NAME_RULE + ")");
    }
  }

  public static boolean validName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  public StoredUser withRole(UserRole other) {
    return new StoredUser(name, other, passwordHash);
  }

  byte[] encode() {
    return (role.name() + " " + passwordHash).getBytes(StandardCharsets.UTF_8);
  }

  /** The stored user, or empty when the stored bytes are not one (written by a newer version). */
  static Optional<StoredUser> decode(String name, byte[] bytes) {
    String[] parts = new String(bytes, StandardCharsets.UTF_8).split(" ", 2);
    if (parts.length != 2) {
      return Optional.empty();
    }
    return UserRole.named(parts[0]).map(role -> new StoredUser(name, role, parts[1]));
  }

  @Override
  public String toString() {
    return "StoredUser[" + name + ", " + role + "]";
  }
}
