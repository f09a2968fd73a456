package dev.ben.bux;

import dev.ben.streams.auth.IdentityStore;
import dev.ben.streams.auth.StoredUser;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Users held in memory, for gateway tests that log in without a node. */
final class MemoryIdentityStore implements IdentityStore {

  private final Map<String, StoredUser> users = new ConcurrentHashMap<>();
  private byte[] secret;

  @Override
  public Optional<StoredUser> user(String name) {
    return Optional.ofNullable(users.get(name));
  }

  @Override
  public boolean createUser(StoredUser user) {
    return users.putIfAbsent(user.name(), user) == null;
  }

  @Override
  public boolean hasUsers() {
    return !users.isEmpty();
  }

  @Override
  public synchronized byte[] tokenSecret(Supplier<byte[]> fresh) {
    if (secret == null) {
      secret = fresh.get();
    }
    return secret;
  }

  @Override
  public String describe() {
    return "memory";
  }
}
