package dev.ben.streams.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ben.streams.rocks.RocksIndex;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The identity contract on the node's RocksDB index; "another node" is another store over the same
 * open index, since one process owns it.
 */
class RocksIdentityStoreTest extends IdentityStoreContract {

  @TempDir Path dir;
  private RocksIndex index;

  @Override
  protected IdentityStore create() {
    index = RocksIndex.open(dir.resolve("index"));
    return new RocksIdentityStore(index);
  }

  @Override
  protected IdentityStore reopen() {
    return new RocksIdentityStore(index);
  }

  @AfterEach
  void closeIndex() {
    index.close();
  }

  @Test
  void usersAndTheSecretOutliveTheProcessThatWroteThem() {
    IdentityStore first = new RocksIdentityStore(index);
    first.createUser(new StoredUser("ann", UserRole.OPERATOR, "hash"));
    byte[] secret = first.tokenSecret(() -> new byte[] {1, 2, 3});
    index.close();
    index = RocksIndex.open(dir.resolve("index"));
    IdentityStore afterRestart = new RocksIdentityStore(index);
    assertEquals(UserRole.OPERATOR, afterRestart.user("ann").orElseThrow().role());
    assertArrayEquals(secret, afterRestart.tokenSecret(() -> new byte[] {9}));
  }
}
