package dev.ben.streams.auth;

import dev.ben.streams.nats.KvBuckets;
import dev.ben.streams.nats.NatsClient;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Identities in a JetStream KV bucket shared by the cluster: users under {@code users.<name>}, apps
 * under {@code apps.<name>}, trusted signing keys under {@code trusted-keys.ed25519-<hex>}, the
 * token secret under {@code token-secret}. Writes use KV {@code create}, JetStream's
 * compare-and-set, so of two nodes writing at once exactly one succeeds and both read its value.
 */
public final class NatsIdentityStore implements IdentityStore {

  private static final String USERS = "users.";
  private static final String APPS = "apps.";
  private static final String TRUSTED = "trusted-keys.";

  private final KvBuckets kv;
  private final String bucket;
  private final String server;

  private NatsIdentityStore(KvBuckets kv, String bucket, String server) {
    this.kv = kv;
    this.bucket = bucket;
    this.server = server;
  }

  /** Creates the bucket when missing. The client stays the caller's to close. */
  public static NatsIdentityStore open(NatsClient nats, String bucket) {
    nats.kv().ensure(bucket);
    return new NatsIdentityStore(nats.kv(), bucket, nats.server());
  }

  @Override
  public Optional<StoredUser> user(String name) {
    if (!StoredUser.validName(name)) {
      return Optional.empty();
    }
    return kv.get(bucket, USERS + name).flatMap(bytes -> StoredUser.decode(name, bytes));
  }

  @Override
  public boolean createUser(StoredUser user) {
    return kv.create(bucket, USERS + user.name(), user.encode());
  }

  @Override
  public boolean hasUsers() {
    return !kv.keys(bucket, USERS + ">").isEmpty();
  }

  @Override
  public List<StoredUser> users() {
    return kv.keys(bucket, USERS + ">").stream()
        .flatMap(key -> user(key.substring(USERS.length())).stream())
        .toList();
  }

  /**
   * A plain put: two admins changing one user's role at once leave whichever wrote last, as they
   * would one after the other.
   */
  @Override
  public Optional<StoredUser> setUserRole(String name, UserRole role) {
    Optional<StoredUser> changed = user(name).map(found -> found.withRole(role));
    changed.ifPresent(user -> kv.put(bucket, USERS + name, user.encode()));
    return changed;
  }

  @Override
  public boolean deleteUser(String name) {
    if (user(name).isEmpty()) {
      return false;
    }
    kv.delete(bucket, USERS + name);
    return true;
  }

  @Override
  public Optional<StoredApp> app(String name) {
    if (!StoredApp.validName(name)) {
      return Optional.empty();
    }
    return kv.get(bucket, APPS + name).flatMap(bytes -> StoredApp.decode(name, bytes));
  }

  @Override
  public boolean createApp(StoredApp app) {
    return kv.create(bucket, APPS + app.name(), app.encode());
  }

  @Override
  public List<StoredApp> apps() {
    return kv.keys(bucket, APPS + ">").stream()
        .flatMap(key -> app(key.substring(APPS.length())).stream())
        .toList();
  }

  /**
   * A plain put: revocation only ever moves an app one way, so two nodes revoking at once store the
   * same outcome give or take the instant.
   */
  @Override
  public Optional<StoredApp> revokeApp(String name, Instant at) {
    Optional<StoredApp> revoked = app(name).map(found -> found.revokedAt(at));
    revoked.ifPresent(app -> kv.put(bucket, APPS + name, app.encode()));
    return revoked;
  }

  @Override
  public List<StoredTrustedKey> trustedKeys() {
    return kv.keys(bucket, TRUSTED + ">").stream()
        .map(key -> StoredTrustedKey.keyIdOf(key.substring(TRUSTED.length())))
        .flatMap(
            keyId ->
                kv
                    .get(bucket, trustedName(keyId))
                    .flatMap(bytes -> StoredTrustedKey.decode(keyId, bytes))
                    .stream())
        .toList();
  }

  @Override
  public boolean addTrustedKey(StoredTrustedKey key) {
    return kv.create(bucket, trustedName(key.keyId()), key.encode());
  }

  @Override
  public boolean removeTrustedKey(String keyId) {
    if (!StoredTrustedKey.validKeyId(keyId) || kv.get(bucket, trustedName(keyId)).isEmpty()) {
      return false;
    }
    kv.delete(bucket, trustedName(keyId));
    return true;
  }

  private static String trustedName(String keyId) {
    return TRUSTED + StoredTrustedKey.storageName(keyId);
  }

  @Override
  public byte[] agreed(String name, Supplier<byte[]> proposal) {
    Optional<byte[]> stored = kv.get(bucket, name);
    if (stored.isPresent()) {
      return stored.get();
    }
    byte[] value = proposal.get();
    if (kv.create(bucket, name, value)) {
      return value;
    }
    return kv.get(bucket, name)
        .orElseThrow(() -> new IllegalStateException("`" + name + "` in " + bucket + " vanished"));
  }

  @Override
  public String describe() {
    return "NATS KV bucket " + bucket + " on " + server;
  }
}
