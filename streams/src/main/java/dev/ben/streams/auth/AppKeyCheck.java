package dev.ben.streams.auth;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Decides which app an ingest request or socket session is, from the key it presents: the key names
 * its app, the identity store holds the app's key hash, and a client-supplied app name may only
 * repeat the key's. What was read about an app is remembered for the configured time (found or not,
 * so a flood of made-up keys does not reach the store), which is how long a revocation takes to
 * reach every node. Store reads run on the given executor, since the store may be remote.
 */
public final class AppKeyCheck {

  /** The outcome of a check: the app, or why not. */
  public sealed interface Outcome {}

  public record Accepted(StoredApp app) implements Outcome {}

  public record Refused(KeyRefusal reason, String message) implements Outcome {}

  private final AsyncLoadingCache<String, Optional<StoredApp>> apps;

  public AppKeyCheck(IdentityStore store, Duration ttl, int size, Executor blocking) {
    this(store, ttl, size, blocking, Ticker.systemTicker());
  }

  AppKeyCheck(IdentityStore store, Duration ttl, int size, Executor blocking, Ticker ticker) {
    this.apps =
        Caffeine.newBuilder()
            .expireAfterWrite(ttl)
            .maximumSize(size)
            .executor(blocking)
            .ticker(ticker)
            .buildAsync(store::app);
  }

  /**
   * Checks {@code key} (empty when the request carries none) and that every app the client also
   * named is the key's. Fails only when the identity store cannot be read.
   */
  public CompletionStage<Outcome> check(Optional<String> key, Collection<String> claimedApps) {
    if (key.isEmpty() || key.get().isBlank()) {
      return done(
          new Refused(
              KeyRefusal.MISSING_KEY,
              "present the app's key (ask an admin for one: `benctl apps create NAME`)"));
    }
    Optional<String> app = AppKeys.appOf(key.get().strip());
    if (app.isEmpty()) {
      return done(
          new Refused(
              KeyRefusal.MALFORMED_KEY,
              "that is not an app key; keys look like ben_app_<app>_<43 characters>"));
    }
    return apps.get(app.get()).thenApply(found -> decide(key.get().strip(), found, claimedApps));
  }

  private static Outcome decide(
      String key, Optional<StoredApp> found, Collection<String> claimedApps) {
    if (found.isEmpty() || !AppKeys.matches(key, found.get().keyHash())) {
      return new Refused(
          KeyRefusal.UNKNOWN_KEY,
          "this cluster issued no such key; ask an admin for the app's key");
    }
    StoredApp app = found.get();
    if (app.isRevoked()) {
      return new Refused(
          KeyRefusal.REVOKED_KEY,
          "the key of app `" + app.name() + "` was revoked at " + app.revoked().orElseThrow());
    }
    Optional<String> other = claimedApps.stream().filter(c -> !c.equals(app.name())).findFirst();
    if (other.isPresent()) {
      return new Refused(
          KeyRefusal.APP_MISMATCH,
          "the key is app `"
              + app.name()
              + "`'s but the request names app `"
              + other.get()
              + "`; leave the app out (the key decides it) or use that app's key");
    }
    return new Accepted(app);
  }

  /** The app of that name as last read (a beacon's site), within the same remembered time. */
  public CompletionStage<Optional<StoredApp>> app(String name) {
    return apps.get(name);
  }

  /** As {@link #check(Optional, Collection)} with the one app (or none) the client named. */
  public CompletionStage<Outcome> check(Optional<String> key, Optional<String> claimedApp) {
    return check(key, claimedApp.map(List::of).orElse(List.of()));
  }

  private static CompletionStage<Outcome> done(Outcome outcome) {
    return CompletableFuture.completedFuture(outcome);
  }
}
