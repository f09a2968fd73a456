package dev.ben.contracts.bundle;

import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The public keys whose signatures a verifier accepts, found by key id. Immutable. */
public final class TrustedKeys {

  private final Map<String, PublicKey> byKeyId;

  private TrustedKeys(Map<String, PublicKey> byKeyId) {
    this.byKeyId = Map.copyOf(byKeyId);
  }

  /** Trusts exactly these keys. */
  public static TrustedKeys of(Collection<PublicKey> keys) {
    Map<String, PublicKey> map = new TreeMap<>();
    for (PublicKey key : keys) {
      map.put(Ed25519.keyId(key), key);
    }
    return new TrustedKeys(map);
  }

  /** Trusts exactly these keys. */
  public static TrustedKeys of(PublicKey... keys) {
    return of(List.of(keys));
  }

  /** Trusts no key: every signed bundle is refused as untrusted. */
  public static TrustedKeys none() {
    return new TrustedKeys(Map.of());
  }

  /** Loads {@code .pub} files; the first unreadable one stops the load with its reason. */
  public static TrustedKeys load(Collection<Path> publicKeyFiles) throws KeyFileException {
    Map<String, PublicKey> map = new TreeMap<>();
    for (Path file : publicKeyFiles) {
      PublicKey key = KeyFiles.readPublicKey(file);
      map.put(Ed25519.keyId(key), key);
    }
    return new TrustedKeys(map);
  }

  /** These keys and {@code more}. */
  public TrustedKeys plus(Collection<PublicKey> more) {
    Map<String, PublicKey> map = new TreeMap<>(byKeyId);
    for (PublicKey key : more) {
      map.put(Ed25519.keyId(key), key);
    }
    return new TrustedKeys(map);
  }

  /** The trusted key with this id, if any. */
  public Optional<PublicKey> find(String keyId) {
    return Optional.ofNullable(byKeyId.get(keyId));
  }

  /** The trusted key ids, sorted. */
  public Set<String> keyIds() {
    return new TreeSet<>(byKeyId.keySet());
  }

  public boolean isEmpty() {
    return byKeyId.isEmpty();
  }

  @Override
  public String toString() {
    return "TrustedKeys" + keyIds();
  }
}
