package dev.ben.bux;

import dev.ben.streams.auth.CurrentUsers;
import dev.ben.streams.auth.Principal;
import dev.ben.streams.auth.TokenRejected;
import dev.ben.streams.auth.Tokens;
import java.util.Locale;
import java.util.Optional;

/**
 * Who a request comes from: the token in {@code Authorization: Bearer} (scripts, Prometheus) or, in
 * its absence, the one in the session cookie (the bux page). Both are the control API's tokens.
 */
final class SessionCredentials {

  static final String COOKIE = "ben_session";
  private static final String BEARER = "bearer ";

  private final Tokens tokens;
  private final CurrentUsers users;

  SessionCredentials(Tokens tokens, CurrentUsers users) {
    this.tokens = tokens;
    this.users = users;
  }

  /** The principal, or the refusal explaining why there is none. */
  Verdict verify(Optional<String> authorization, Optional<String> cookie) {
    Optional<String> token = authorization.map(SessionCredentials::bearer).orElse(cookie);
    if (token.isEmpty() || token.get().isBlank()) {
      return authorization.isPresent()
          ? Verdict.refused(Refusal.BAD_SESSION)
          : Verdict.refused(Refusal.MISSING_SESSION);
    }
    try {
      Principal principal = tokens.verify(token.get());
      // A deleted or demoted user's session ends as their control API tokens do.
      return users.standing(principal) == CurrentUsers.Standing.HELD
          ? new Verdict(Optional.of(principal), Optional.empty())
          : Verdict.refused(Refusal.BAD_SESSION);
    } catch (TokenRejected rejected) {
      return Verdict.refused(
          rejected.reason() == TokenRejected.Reason.EXPIRED
              ? Refusal.EXPIRED
              : Refusal.BAD_SESSION);
    }
  }

  /** The token of a Bearer header; empty (so refused, never the cookie) for any other scheme. */
  private static Optional<String> bearer(String header) {
    return header.toLowerCase(Locale.ROOT).startsWith(BEARER)
        ? Optional.of(header.substring(BEARER.length()).strip())
        : Optional.of("");
  }

  /** Exactly one of the two is present. */
  record Verdict(Optional<Principal> principal, Optional<Refusal> refusal) {
    static Verdict refused(Refusal refusal) {
      return new Verdict(Optional.empty(), Optional.of(refusal));
    }
  }
}
