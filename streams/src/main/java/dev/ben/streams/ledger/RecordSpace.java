package dev.ben.streams.ledger;

import java.util.List;
import java.util.Optional;

/**
 * The few storage operations the ledger's rules are written against: a key-value space with an
 * atomic create-if-absent (which makes appends safe with more than one writer) and a place for
 * bundle bodies. RocksDB and NATS each provide one.
 */
interface RecordSpace extends AutoCloseable {

  Optional<byte[]> get(String key);

  void put(String key, byte[] value);

  /**
   * Writes the key only if it is absent; false when it exists. Numbered keys and bundle markers are
   * never deleted.
   */
  boolean create(String key, byte[] value);

  void delete(String key);

  /** The keys present under the prefix (which ends with a dot), in key order. */
  List<String> keys(String prefix);

  Optional<byte[]> getBody(String bundleId);

  void putBody(String bundleId, byte[] body);

  @Override
  void close();
}
