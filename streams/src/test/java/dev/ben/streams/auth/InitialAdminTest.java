package dev.ben.streams.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.streams.rocks.RocksIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitialAdminTest {

  @TempDir Path dir;
  private RocksIndex index;
  private IdentityStore store;

  @BeforeEach
  void open() {
    index = RocksIndex.open(dir.resolve("index"));
    store = new RocksIdentityStore(index);
  }

  @AfterEach
  void close() {
    index.close();
  }

  @Test
  void anEmptyStoreGetsAnAdminWhosePasswordOnlyTheOwnerCanRead() throws Exception {
    Path file = dir.resolve("home").resolve("initial-admin-password");
    Optional<Path> written = new InitialAdmin(store, new SecureRandom()).ensure(file);

    assertEquals(Optional.of(file), written);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    String password = Files.readString(file).strip();
    assertTrue(password.length() >= 24, password.length() + " characters");
    StoredUser admin = store.user("admin").orElseThrow();
    assertEquals(UserRole.ADMIN, admin.role());
    assertTrue(PasswordHashes.matches(password, admin.passwordHash()));
    try (Stream<Path> left = Files.list(file.getParent())) {
      assertEquals(1, left.count(), "no pending file is left behind");
    }
  }

  @Test
  void aStoreWithUsersIsLeftAloneAndNoFileIsWritten() {
    store.createUser(new StoredUser("alice", UserRole.VIEWER, "hash"));
    Path file = dir.resolve("initial-admin-password");
    assertEquals(Optional.empty(), new InitialAdmin(store, new SecureRandom()).ensure(file));
    assertFalse(Files.exists(file));
    assertEquals(Optional.empty(), store.user("admin"));
  }

  @Test
  void aNodeThatLosesTheRaceWritesNoPassword() throws Exception {
    // Another node stored its admin between this node's look and its create.
    IdentityStore racing =
        new IdentityStore() {
          @Override
          public Optional<StoredUser> user(String name) {
            return store.user(name);
          }

          @Override
          public boolean createUser(StoredUser user) {
            return store.createUser(user);
          }

          @Override
          public boolean hasUsers() {
            return false;
          }

          @Override
          public java.util.List<StoredUser> users() {
            return store.users();
          }

          @Override
          public Optional<StoredUser> setUserRole(String name, UserRole role) {
            return store.setUserRole(name, role);
          }

          @Override
          public boolean deleteUser(String name) {
            return store.deleteUser(name);
          }

          @Override
          public byte[] agreed(String name, java.util.function.Supplier<byte[]> proposal) {
            return store.agreed(name, proposal);
          }

          @Override
          public Optional<StoredApp> app(String name) {
            return store.app(name);
          }

          @Override
          public boolean createApp(StoredApp app) {
            return store.createApp(app);
          }

          @Override
          public java.util.List<StoredApp> apps() {
            return store.apps();
          }

          @Override
          public Optional<StoredApp> revokeApp(String name, java.time.Instant at) {
            return store.revokeApp(name, at);
          }

          @Override
          public java.util.List<StoredTrustedKey> trustedKeys() {
            return store.trustedKeys();
          }

          @Override
          public boolean addTrustedKey(StoredTrustedKey key) {
            return store.addTrustedKey(key);
          }

          @Override
          public boolean removeTrustedKey(String keyId) {
            return store.removeTrustedKey(keyId);
          }

          @Override
          public String describe() {
            return "racing";
          }
        };
    store.createUser(new StoredUser("admin", UserRole.ADMIN, "the other node's"));
    Path file = dir.resolve("initial-admin-password");
    assertEquals(Optional.empty(), new InitialAdmin(racing, new SecureRandom()).ensure(file));
    assertFalse(Files.exists(file));
    try (Stream<Path> left = Files.list(dir)) {
      assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".initial-admin")));
    }
  }
}
