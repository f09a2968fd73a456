package dev.ben.streams.auth;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Users and the cluster's token secret. Everything is created only if absent, so nodes starting at
 * the same time agree on one secret and one first administrator whichever writes first.
 */
public interface IdentityStore {

  Optional<StoredUser> user(String name);

  /** Stores the user unless one of that name exists; false when it does. */
  boolean createUser(StoredUser user);

  boolean hasUsers();

  /**
   * The cluster's token secret: the stored one, or {@code fresh}'s when none is stored yet and this
   * call is the first to store one.
   */
  byte[] tokenSecret(Supplier<byte[]> fresh);

  /** Where the identities are kept, for start-up logs. */
  String describe();
}
