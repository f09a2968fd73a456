package dev.ben.benctl.remote;

import dev.ben.benctl.config.Context;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The server a remote command talks to and the token it presents, with what to tell the user when
 * the token is missing or refused.
 *
 * @param address the server, {@code HOST:PORT}
 * @param token the bearer token; null when there is none
 * @param tokenOrigin where the token came from ({@code --token}, {@code $BEN_TOKEN}); null when it
 *     came from {@code context} or there is none
 * @param context the context whose server is {@code address} and whose token is used when no other
 *     was given; null when no such context is selected
 * @param login the command that gets a fresh token for this target
 * @param transport cleartext or TLS, and which CA to trust
 */
public record Target(
    String address,
    String token,
    String tokenOrigin,
    Context context,
    String login,
    Transport transport) {

  /** The message for a call that has no token to present. */
  public String notLoggedIn() {
    String why = context == null ? "" : " (context '" + context.name() + "' has no token)";
    return "not logged in to " + address + why + ": run `" + login + "`";
  }

  /** The message for a token the server answered UNAUTHENTICATED with {@code detail}. */
  public String refused(String detail, Instant now) {
    if (tokenOrigin != null) {
      return address
          + " refused the token from "
          + tokenOrigin
          + " ("
          + detail
          + "): pass a valid one, or drop it and run `"
          + login
          + "`";
    }
    if (context != null && context.expiredAt(now)) {
      return "the token for context '"
          + context.name()
          + "' expired at "
          + time(context.tokenExpires())
          + ": run `"
          + login
          + "`";
    }
    String whose = context == null ? "" : " for context '" + context.name() + "'";
    return address + " refused the token" + whose + " (" + detail + "): run `" + login + "`";
  }

  /** An instant as people read it in messages and tables: UTC, to the second. */
  public static String time(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
