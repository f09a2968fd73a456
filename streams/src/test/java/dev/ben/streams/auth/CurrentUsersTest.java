package dev.ben.streams.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ben.streams.rocks.RocksIndex;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurrentUsersTest {

  @TempDir Path dir;
  private RocksIndex index;
  private IdentityStore store;
  private final AtomicLong nanos = new AtomicLong();

  @BeforeEach
  void open() {
    index = RocksIndex.open(dir);
    store = new RocksIdentityStore(index);
  }

  @AfterEach
  void close() {
    index.close();
  }

  @Test
  void changesAreSeenOnceTheRememberedTimeHasPassed() {
    CurrentUsers users = new CurrentUsers(store, Duration.ofSeconds(10), nanos::get);
    store.createUser(new StoredUser("alice", UserRole.ADMIN, "hash"));
    assertEquals(Optional.of(UserRole.ADMIN), users.role("alice"));
    assertEquals(Optional.empty(), users.role("bob"));

    store.setUserRole("alice", UserRole.VIEWER);
    store.createUser(new StoredUser("bob", UserRole.OPERATOR, "hash"));
    assertEquals(Optional.of(UserRole.ADMIN), users.role("alice"), "still remembered");

    nanos.addAndGet(Duration.ofSeconds(11).toNanos());
    assertEquals(Optional.of(UserRole.VIEWER), users.role("alice"));
    assertEquals(Optional.of(UserRole.OPERATOR), users.role("bob"));

    store.deleteUser("bob");
    nanos.addAndGet(Duration.ofSeconds(11).toNanos());
    assertEquals(Optional.empty(), users.role("bob"));
  }
}
