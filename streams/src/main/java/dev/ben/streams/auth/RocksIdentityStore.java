package dev.ben.streams.auth;

import dev.ben.streams.rocks.RocksIndex;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Identities in the node's own RocksDB index, under the key prefix {@code identity/}. The index
 * belongs to one process, so locking the index object itself makes create-if-absent exact for every
 * store over it; the index stays its owner's to close.
 */
public final class RocksIdentityStore implements IdentityStore {

  private static final String USERS = "identity/user/";
  private static final byte[] SECRET = "identity/token-secret".getBytes(StandardCharsets.UTF_8);

  private final RocksIndex index;

  public RocksIdentityStore(RocksIndex index) {
    this.index = index;
  }

  @Override
  public Optional<StoredUser> user(String name) {
    if (!StoredUser.validName(name)) {
      return Optional.empty();
    }
    return index.get(userKey(name)).flatMap(bytes -> StoredUser.decode(name, bytes));
  }

  @Override
  public boolean createUser(StoredUser user) {
    synchronized (index) {
      if (index.get(userKey(user.name())).isPresent()) {
        return false;
      }
      index.put(userKey(user.name()), user.encode());
      return true;
    }
  }

  @Override
  public boolean hasUsers() {
    return !index.scan(USERS.getBytes(StandardCharsets.UTF_8), 1).isEmpty();
  }

  @Override
  public byte[] tokenSecret(Supplier<byte[]> fresh) {
    synchronized (index) {
      Optional<byte[]> stored = index.get(SECRET);
      if (stored.isPresent()) {
        return stored.get();
      }
      byte[] secret = fresh.get();
      index.put(SECRET, secret);
      return secret;
    }
  }

  @Override
  public String describe() {
    return "RocksDB (the node's index, keys " + USERS + "*)";
  }

  private static byte[] userKey(String name) {
    return (USERS + name).getBytes(StandardCharsets.UTF_8);
  }
}
