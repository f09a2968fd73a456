package dev.ben.streams.auth;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;

/**
 * The role each user holds now, so a token of a user since deleted or given a lower role is
 * refused. What was read is remembered for the configured time, which is how long such a change
 * takes to reach every node. Only names from tokens this cluster signed are looked up, so the
 * remembered names are bounded by the cluster's own users.
 */
public final class CurrentUsers {

  private final LoadingCache<String, Optional<UserRole>> roles;

  public CurrentUsers(IdentityStore store, Duration ttl) {
    this(store, ttl, Ticker.systemTicker());
  }

  CurrentUsers(IdentityStore store, Duration ttl, Ticker ticker) {
    this.roles =
        Caffeine.newBuilder()
            .expireAfterWrite(ttl)
            .ticker(ticker)
            .build(name -> store.user(name).map(StoredUser::role));
  }

  /**
   * The user's role now, or empty when the user no longer exists. Reads the store on a miss, on the
   * calling thread: the local store answers at once, and a remote one at most once per user and
   * remembered time.
   */
  public Optional<UserRole> role(String user) {
    return roles.get(user);
  }

  /** Whether the token's user still exists and still holds at least the token's role. */
  public Standing standing(Principal principal) {
    Optional<UserRole> now = role(principal.user());
    if (now.isEmpty()) {
      return Standing.UNKNOWN_USER;
    }
    return now.get().allows(principal.role()) ? Standing.HELD : Standing.ROLE_LOWERED;
  }

  /** What became of a token's user since the token was issued. */
  public enum Standing {
    HELD,
    UNKNOWN_USER,
    ROLE_LOWERED
  }
}
