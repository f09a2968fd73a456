package dev.ben.streams.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Users, apps, the signing keys the ledger trusts besides its configured ones, and the cluster's
 * token secret. Everything is created only if absent, so nodes starting at the same time agree on
 * one secret and one first administrator whichever writes first.
 */
public interface IdentityStore {

  /** The name under which the token secret is agreed. */
  String TOKEN_SECRET = "token-secret";

  Optional<StoredUser> user(String name);

  /** Stores the user unless one of that name exists; false when it does. */
  boolean createUser(StoredUser user);

  boolean hasUsers();

  /** Every user, by name. */
  List<StoredUser> users();

  /** Gives the user another role; the user as now stored, or empty when there is none. */
  Optional<StoredUser> setUserRole(String name, UserRole role);

  /** Removes the user; false when there was none of that name. */
  boolean deleteUser(String name);

  Optional<StoredApp> app(String name);

  /** Stores the app unless one of that name exists, revoked or not; false when it does. */
  boolean createApp(StoredApp app);

  /** Every app, revoked ones included, by name. */
  List<StoredApp> apps();

  /**
   * Marks the app revoked (its key is refused from then on); the app as now stored, or empty when
   * there is none of that name. Revoking twice keeps the first time.
   */
  Optional<StoredApp> revokeApp(String name, Instant at);

  /** The signing keys admins added for the ledger to trust, by key id. */
  List<StoredTrustedKey> trustedKeys();

  /** Stores the key unless one of that key id is stored; false when it is. */
  boolean addTrustedKey(StoredTrustedKey key);

  /** Removes the key; false when none of that key id is stored. */
  boolean removeTrustedKey(String keyId);

  /**
   * The cluster's value of {@code name}: the stored one, or {@code proposal}'s when none is stored
   * yet and this call is the first to store one. Names are lower-case words joined by {@code -}.
   */
  byte[] agreed(String name, Supplier<byte[]> proposal);

  /** The cluster's token secret, agreed as {@link #agreed} agrees any value. */
  default byte[] tokenSecret(Supplier<byte[]> fresh) {
    return agreed(TOKEN_SECRET, fresh);
  }

  /** Where the identities are kept, for start-up logs. */
  String describe();
}
