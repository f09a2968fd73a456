package dev.ben.streams.auth;

import java.util.Locale;
import java.util.Optional;

/** What a user may do, each role allowing everything the one before it does. */
public enum UserRole {
  VIEWER,
  OPERATOR,
  ADMIN;

  /** The role a token or a stored user names; empty for any name this cluster does not know. */
  public static Optional<UserRole> named(String name) {
    for (UserRole role : values()) {
      if (role.name().equals(name)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }

  public boolean allows(UserRole needed) {
    return compareTo(needed) >= 0;
  }

  /** As people read it in messages: {@code operator}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
