package dev.ben.streams.auth;

import dev.ben.streams.rocks.RocksIndex;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Identities in the node's own RocksDB index, under the key prefix {@code identity/}. The index
 * belongs to one process, so locking the index object itself makes create-if-absent exact for every
 * store over it; the index stays its owner's to close.
 */
public final class RocksIdentityStore implements IdentityStore {

  private static final String USERS = "identity/user/";
  private static final String APPS = "identity/app/";
  private static final String TRUSTED = "identity/trusted-key/";
  private static final String AGREED = "identity/";

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
  public List<StoredUser> users() {
    byte[] prefix = USERS.getBytes(StandardCharsets.UTF_8);
    return index.scan(prefix, Integer.MAX_VALUE).stream()
        .flatMap(
            entry ->
                StoredUser.decode(
                    new String(entry.getKey(), StandardCharsets.UTF_8).substring(prefix.length),
                    entry.getValue())
                    .stream())
        .toList();
  }

  @Override
  public Optional<StoredUser> setUserRole(String name, UserRole role) {
    synchronized (index) {
      Optional<StoredUser> changed = user(name).map(found -> found.withRole(role));
      changed.ifPresent(user -> index.put(userKey(name), user.encode()));
      return changed;
    }
  }

  @Override
  public boolean deleteUser(String name) {
    synchronized (index) {
      if (user(name).isEmpty()) {
        return false;
      }
      index.delete(userKey(name));
      return true;
    }
  }

  @Override
  public Optional<StoredApp> app(String name) {
    if (!StoredApp.validName(name)) {
      return Optional.empty();
    }
    return index.get(appKey(name)).flatMap(bytes -> StoredApp.decode(name, bytes));
  }

  @Override
  public boolean createApp(StoredApp app) {
    synchronized (index) {
      if (index.get(appKey(app.name())).isPresent()) {
        return false;
      }
      index.put(appKey(app.name()), app.encode());
      return true;
    }
  }

  @Override
  public List<StoredApp> apps() {
    byte[] prefix = APPS.getBytes(StandardCharsets.UTF_8);
    return index.scan(prefix, Integer.MAX_VALUE).stream()
        .flatMap(entry -> decode(entry, prefix.length).stream())
        .toList();
  }

  @Override
  public Optional<StoredApp> revokeApp(String name, Instant at) {
    synchronized (index) {
      Optional<StoredApp> revoked = app(name).map(found -> found.revokedAt(at));
      revoked.ifPresent(app -> index.put(appKey(name), app.encode()));
      return revoked;
    }
  }

  @Override
  public List<StoredTrustedKey> trustedKeys() {
    byte[] prefix = TRUSTED.getBytes(StandardCharsets.UTF_8);
    return index.scan(prefix, Integer.MAX_VALUE).stream()
        .flatMap(
            entry ->
                StoredTrustedKey.decode(
                    new String(entry.getKey(), StandardCharsets.UTF_8).substring(prefix.length),
                    entry.getValue())
                    .stream())
        .toList();
  }

  @Override
  public boolean addTrustedKey(StoredTrustedKey key) {
    synchronized (index) {
      if (index.get(trustedKey(key.keyId())).isPresent()) {
        return false;
      }
      index.put(trustedKey(key.keyId()), key.encode());
      return true;
    }
  }

  @Override
  public boolean removeTrustedKey(String keyId) {
    if (!StoredTrustedKey.validKeyId(keyId)) {
      return false;
    }
    synchronized (index) {
      if (index.get(trustedKey(keyId)).isEmpty()) {
        return false;
      }
      index.delete(trustedKey(keyId));
      return true;
    }
  }

  @Override
  public byte[] agreed(String name, Supplier<byte[]> proposal) {
    byte[] key = (AGREED + name).getBytes(StandardCharsets.UTF_8);
    synchronized (index) {
      Optional<byte[]> stored = index.get(key);
      if (stored.isPresent()) {
        return stored.get();
      }
      byte[] value = proposal.get();
      index.put(key, value);
      return value;
    }
  }

  @Override
  public String describe() {
    return "RocksDB (the node's index, keys " + USERS + "* and " + APPS + "*)";
  }

  private static Optional<StoredApp> decode(Map.Entry<byte[], byte[]> entry, int prefix) {
    String key = new String(entry.getKey(), StandardCharsets.UTF_8);
    return StoredApp.decode(key.substring(prefix), entry.getValue());
  }

  private static byte[] appKey(String name) {
    return (APPS + name).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] trustedKey(String keyId) {
    return (TRUSTED + keyId).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] userKey(String name) {
    return (USERS + name).getBytes(StandardCharsets.UTF_8);
  }
}
