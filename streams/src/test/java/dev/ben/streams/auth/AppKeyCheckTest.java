package dev.ben.streams.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.ben.streams.rocks.RocksIndex;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppKeyCheckTest {

  private static final Duration TTL = Duration.ofSeconds(10);

  @TempDir Path dir;
  private RocksIndex index;
  private RocksIdentityStore store;
  private final AtomicLong nanos = new AtomicLong();
  private AppKeyCheck check;
  private final AppKeys keys = new AppKeys(new SecureRandom());
  private String shopKey;

  @BeforeEach
  void createApps() {
    index = RocksIndex.open(dir.resolve("index"));
    store = new RocksIdentityStore(index);
    check = new AppKeyCheck(store, TTL, 100, Runnable::run, nanos::get);
    shopKey = keys.mint("shop");
    store.createApp(
        new StoredApp(
            "shop", AppKeys.hash(shopKey), Instant.now(), "admin", Optional.empty(), List.of()));
  }

  @AfterEach
  void close() {
    index.close();
  }

  private AppKeyCheck.Outcome check(Optional<String> key, Optional<String> app) {
    return check.check(key, app).toCompletableFuture().join();
  }

  private KeyRefusal refusal(Optional<String> key, Optional<String> app) {
    return assertInstanceOf(AppKeyCheck.Refused.class, check(key, app)).reason();
  }

  @Test
  void theKeyDecidesTheApp() {
    var accepted =
        assertInstanceOf(AppKeyCheck.Accepted.class, check(Optional.of(shopKey), none()));
    assertEquals("shop", accepted.app().name());
    assertInstanceOf(AppKeyCheck.Accepted.class, check(Optional.of(shopKey), Optional.of("shop")));
  }

  @Test
  void everyWayOfNotHavingTheKeyIsRefusedWithItsReason() {
    assertEquals(KeyRefusal.MISSING_KEY, refusal(none(), none()));
    assertEquals(KeyRefusal.MISSING_KEY, refusal(Optional.of(" "), none()));
    assertEquals(KeyRefusal.MALFORMED_KEY, refusal(Optional.of("hunter2"), none()));
    assertEquals(KeyRefusal.UNKNOWN_KEY, refusal(Optional.of(keys.mint("shop")), none()));
    assertEquals(KeyRefusal.UNKNOWN_KEY, refusal(Optional.of(keys.mint("nobody")), none()));
    assertEquals(KeyRefusal.APP_MISMATCH, refusal(Optional.of(shopKey), Optional.of("billing")));
  }

  @Test
  void aRevocationIsSeenOnceTheRememberedAppExpires() {
    assertInstanceOf(AppKeyCheck.Accepted.class, check(Optional.of(shopKey), none()));
    store.revokeApp("shop", Instant.now());
    assertInstanceOf(AppKeyCheck.Accepted.class, check(Optional.of(shopKey), none()));
    nanos.addAndGet(TTL.plusMillis(1).toNanos());
    assertEquals(KeyRefusal.REVOKED_KEY, refusal(Optional.of(shopKey), none()));
  }

  @Test
  void aRevokedAppIsNotRevealedToAWrongKey() {
    store.revokeApp("shop", Instant.now());
    assertEquals(KeyRefusal.UNKNOWN_KEY, refusal(Optional.of(keys.mint("shop")), none()));
  }

  private static Optional<String> none() {
    return Optional.empty();
  }
}
