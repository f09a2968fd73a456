package dev.ben.streams.auth;

import dev.ben.streams.rocks.RocksIndex;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
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
}
