package dev.ben.streams.ledger;

import dev.ben.streams.rocks.RocksIndex;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger's records and bundle bodies in one RocksDB directory, written with sync so an
 * acknowledged write survives a machine crash. One process holds the directory (RocksDB locks it),
 * so a JVM-wide lock makes create-if-absent atomic.
 */
final class RocksSpace implements RecordSpace {

  private static final String BODIES = "bodies.";

  private final RocksIndex index;

  RocksSpace(RocksIndex index) {
    this.index = index;
  }

  @Override
  public Optional<byte[]> get(String key) {
    return index.get(utf8(key));
  }

  @Override
  public void put(String key, byte[] value) {
    index.put(utf8(key), value);
  }

  @Override
  public synchronized boolean create(String key, byte[] value) {
    if (index.get(utf8(key)).isPresent()) {
      return false;
    }
    index.put(utf8(key), value);
    return true;
  }

  @Override
  public void delete(String key) {
    index.delete(utf8(key));
  }

  @Override
  public List<String> keys(String prefix) {
    return index.scan(utf8(prefix), Integer.MAX_VALUE).stream()
        .map(Map.Entry::getKey)
        .map(key -> new String(key, StandardCharsets.UTF_8))
        .toList();
  }

  @Override
  public Optional<byte[]> getBody(String bundleId) {
    return index.get(utf8(BODIES + bundleId));
  }

  @Override
  public void putBody(String bundleId, byte[] body) {
    index.put(utf8(BODIES + bundleId), body);
  }

  @Override
  public void close() {
    index.close();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
