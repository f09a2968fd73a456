package dev.ben.benctl.auth;

import dev.ben.api.control.Identity;
import dev.ben.api.control.Role;
import dev.ben.benctl.remote.Target;
import java.time.Instant;
import java.util.Locale;

/** How an identity reads in benctl's messages: user, role and token expiry. */
final class Identities {

  private Identities() {}

  static String role(Identity identity) {
    return identity.getRole() == Role.UNRECOGNIZED || identity.getRole() == Role.ROLE_UNSPECIFIED
        ? "-"
        : identity.getRole().name().toLowerCase(Locale.ROOT);
  }

  /** When the token expires, or {@code -} when the server did not say. */
  static String expiry(Identity identity) {
    return identity.getExpiresAtMillis() == 0
        ? "-"
        : Target.time(Instant.ofEpochMilli(identity.getExpiresAtMillis()));
  }

  static String loggedIn(
      String address, Identity identity, String user, Instant expires, String context) {
    return "Logged in to "
        + address
        + " as "
        + user
        + " ("
        + role(identity)
        + ")"
        + (expires == null ? "" : " until " + Target.time(expires))
        + "; context '"
        + context
        + "' is now current.";
  }
}
