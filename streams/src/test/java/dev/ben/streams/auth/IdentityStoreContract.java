package dev.ben.streams.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every identity store must do, run against RocksDB ({@code RocksIdentityStoreTest}) and NATS
 * ({@code NatsIdentityStoreIT} in the tests module, through the streams test jar; the test methods
 * are public for that reason).
 */
public abstract class IdentityStoreContract {

  protected IdentityStore store;

  /** A fresh store for this test, on storage no other test uses. */
  protected abstract IdentityStore create();

  /** Another store on the same storage, as a second node opens it. */
  protected abstract IdentityStore reopen();

  @BeforeEach
  void openStore() {
    store = create();
  }

  private static byte[] filled(int value) {
    byte[] secret = new byte[Tokens.SECRET_BYTES];
    Arrays.fill(secret, (byte) value);
    return secret;
  }

  @Test
  public void aNewStoreHasNoUsers() {
    assertFalse(store.hasUsers());
    assertEquals(Optional.empty(), store.user("admin"));
  }

  @Test
  public void aCreatedUserIsReadBackWithItsRoleAndHash() {
    StoredUser alice = new StoredUser("alice", UserRole.OPERATOR, "pbkdf2-sha256$1$AA$BB");
    assertTrue(store.createUser(alice));
    assertTrue(store.hasUsers());
    assertEquals(Optional.of(alice), reopen().user("alice"));
    assertEquals(Optional.empty(), store.user("bob"));
  }

  @Test
  public void creatingAnExistingUserChangesNothing() {
    StoredUser first = new StoredUser("admin", UserRole.ADMIN, "first");
    assertTrue(store.createUser(first));
    assertFalse(reopen().createUser(new StoredUser("admin", UserRole.VIEWER, "second")));
    assertEquals(Optional.of(first), store.user("admin"));
  }

  @Test
  public void usersAreListedAndTheirRolesChangedAndTheyAreDeleted() {
    StoredUser alice = new StoredUser("alice", UserRole.VIEWER, "hash-a");
    StoredUser bob = new StoredUser("bob", UserRole.ADMIN, "hash-b");
    assertTrue(store.createUser(alice));
    assertTrue(store.createUser(bob));
    assertEquals(List.of(alice, bob), reopen().users());

    StoredUser operator = new StoredUser("alice", UserRole.OPERATOR, "hash-a");
    assertEquals(Optional.of(operator), store.setUserRole("alice", UserRole.OPERATOR));
    assertEquals(Optional.of(operator), reopen().user("alice"));
    assertEquals(Optional.empty(), store.setUserRole("carol", UserRole.ADMIN));

    assertTrue(store.deleteUser("alice"));
    assertFalse(reopen().deleteUser("alice"));
    assertEquals(Optional.empty(), store.user("alice"));
    assertEquals(List.of(bob), store.users());
    assertTrue(store.createUser(alice), "a deleted user's name can be given again");
  }

  @Test
  public void namesThatCannotBeUsersAreSimplyNotFound() {
    assertEquals(Optional.empty(), store.user("users.>"));
    assertEquals(Optional.empty(), store.user("../secret"));
    assertEquals(Optional.empty(), store.user(""));
  }

  @Test
  public void theFirstSecretStoredIsTheOneEveryoneGets() {
    byte[] first = store.tokenSecret(() -> filled(1));
    assertArrayEquals(filled(1), first);
    assertArrayEquals(filled(1), reopen().tokenSecret(() -> filled(2)));
  }

  @Test
  public void eachNameIsAgreedOnItsOwn() {
    assertArrayEquals(filled(3), store.agreed("hash-key-fingerprint", () -> filled(3)));
    assertArrayEquals(filled(4), store.tokenSecret(() -> filled(4)));
    assertArrayEquals(filled(3), reopen().agreed("hash-key-fingerprint", () -> filled(5)));
    assertArrayEquals(filled(4), reopen().tokenSecret(() -> filled(6)));
  }

  @Test
  public void nodesRacingForTheSecretAndTheFirstAdminAgree() throws Exception {
    int racers = 4;
    List<IdentityStore> stores = new ArrayList<>();
    stores.add(store);
    for (int i = 1; i < racers; i++) {
      stores.add(reopen());
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    try {
      List<Future<Outcome>> outcomes = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        IdentityStore mine = stores.get(i);
        int id = i + 1;
        Callable<Outcome> race =
            () -> {
              start.await();
              return new Outcome(
                  mine.tokenSecret(() -> filled(id)),
                  mine.createUser(new StoredUser("admin", UserRole.ADMIN, "hash-" + id)));
            };
        outcomes.add(pool.submit(race));
      }
      start.countDown();
      byte[] agreed = outcomes.get(0).get(30, TimeUnit.SECONDS).secret();
      int created = 0;
      for (Future<Outcome> outcome : outcomes) {
        Outcome o = outcome.get(30, TimeUnit.SECONDS);
        assertArrayEquals(agreed, o.secret());
        created += o.created() ? 1 : 0;
      }
      assertEquals(1, created, "exactly one node creates the first admin");
    } finally {
      pool.shutdownNow();
    }
  }

  private static StoredApp app(String name, String hash) {
    return new StoredApp(
        name,
        hash,
        Instant.parse("2026-12-04T10:00:00Z"),
        "admin",
        Optional.empty(),
        List.of("https://shop.example"));
  }

  @Test
  public void aCreatedAppIsReadBackAndListed() {
    StoredApp shop = app("shop", AppKeys.hash("key-1"));
    assertTrue(store.createApp(shop));
    assertTrue(store.createApp(app("billing.v2", AppKeys.hash("key-2"))));
    assertEquals(Optional.of(shop), reopen().app("shop"));
    assertEquals(
        List.of("billing.v2", "shop"), store.apps().stream().map(StoredApp::name).toList());
    assertEquals(Optional.empty(), store.app("other"));
    assertFalse(store.hasUsers(), "apps are not users");
  }

  @Test
  public void creatingAnExistingAppChangesNothing() {
    StoredApp first = app("shop", AppKeys.hash("first"));
    assertTrue(store.createApp(first));
    assertFalse(reopen().createApp(app("shop", AppKeys.hash("second"))));
    assertEquals(Optional.of(first), store.app("shop"));
  }

  @Test
  public void aRevokedAppStaysRevokedAtItsFirstRevocation() {
    store.createApp(app("shop", AppKeys.hash("key")));
    Instant first = Instant.parse("2026-12-04T11:00:00Z");
    assertEquals(first, store.revokeApp("shop", first).orElseThrow().revoked().orElseThrow());
    reopen().revokeApp("shop", first.plusSeconds(60));
    StoredApp revoked = reopen().app("shop").orElseThrow();
    assertTrue(revoked.isRevoked());
    assertEquals(Optional.of(first), revoked.revoked());
    assertEquals(AppKeys.hash("key"), revoked.keyHash());
    assertEquals(Optional.empty(), store.revokeApp("nobody", first));
    assertFalse(store.createApp(app("shop", AppKeys.hash("again"))), "a revoked name stays taken");
  }

  @Test
  public void namesThatCannotBeAppsAreSimplyNotFound() {
    assertEquals(Optional.empty(), store.app("apps.>"));
    assertEquals(Optional.empty(), store.app("../x"));
    assertEquals(Optional.empty(), store.app(""));
  }

  private record Outcome(byte[] secret, boolean created) {}

  private static StoredTrustedKey trusted(String keyId, String label) {
    return new StoredTrustedKey(
        keyId,
        "Ben public key " + keyId + ".\n-----BEGIN BEN ED25519 PUBLIC KEY-----\nAA==\n",
        label,
        "admin",
        Instant.parse("2026-12-04T12:00:00Z"));
  }

  @Test
  public void trustedKeysAreAddedOnceListedAndRemoved() {
    assertEquals(List.of(), store.trustedKeys());
    StoredTrustedKey release = trusted("ed25519:00112233445566ff", "release");
    StoredTrustedKey ci = trusted("ed25519:aabbccddeeff0011", "");
    assertTrue(store.addTrustedKey(release));
    assertTrue(store.addTrustedKey(ci));
    assertFalse(reopen().addTrustedKey(trusted("ed25519:00112233445566ff", "other")));
    assertEquals(List.of(release, ci), reopen().trustedKeys());

    assertTrue(store.removeTrustedKey("ed25519:00112233445566ff"));
    assertFalse(reopen().removeTrustedKey("ed25519:00112233445566ff"));
    assertFalse(store.removeTrustedKey("not-a-key-id"));
    assertEquals(List.of(ci), store.trustedKeys());
    assertFalse(store.hasUsers(), "trusted keys are not users");
    assertEquals(List.of(), store.apps(), "trusted keys are not apps");
  }
}
