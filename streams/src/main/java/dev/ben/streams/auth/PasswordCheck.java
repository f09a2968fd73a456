package dev.ben.streams.auth;

import java.util.Optional;

/**
 * Checks a user's password against the identity store. Slow on purpose (the hash), and the store
 * may be remote: call it off the threads that run streams and actors.
 */
public final class PasswordCheck {

  /**
   * Checked when the user does not exist, so an unknown name costs as long as a wrong password and
   * the answer's timing does not tell them apart.
   */
  private static final String NO_SUCH_USER =
      "pbkdf2-sha256$"
          + PasswordHashes.ITERATIONS
          + "$gMIYwT/9ikGYMOlGrvxBNA$WfffbKjp5nDuq2AfY0UWFbBTxigaEeQPzViy2stTZ5c";

  private final IdentityStore identities;

  public PasswordCheck(IdentityStore identities) {
    this.identities = identities;
  }

  /** The user when the password is theirs; empty for a wrong password and for an unknown user. */
  public Optional<StoredUser> check(String user, String password) {
    Optional<StoredUser> known = identities.user(user);
    String hash = known.map(StoredUser::passwordHash).orElse(NO_SUCH_USER);
    boolean matches = PasswordHashes.matches(password, hash);
    return matches ? known : Optional.empty();
  }
}
