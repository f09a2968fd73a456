package dev.ben.streams.ledger;

import dev.ben.config.LedgerSettings;
import dev.ben.streams.nats.KvBuckets;
import dev.ben.streams.nats.NatsClient;
import dev.ben.streams.nats.ObjectBuckets;
import java.util.List;
import java.util.Optional;

/** The ledger's records in a JetStream KV bucket and its bundle bodies in an Object Store. */
final class NatsSpace implements RecordSpace {

  private final KvBuckets kv;
  private final ObjectBuckets objects;
  private final String bucket;
  private final String objectBucket;

  NatsSpace(NatsClient nats, LedgerSettings settings) {
    this.kv = nats.kv();
    this.objects = nats.objects();
    this.bucket = settings.kvBucket();
    this.objectBucket = settings.objectBucket();
    kv.ensure(bucket);
    objects.ensure(objectBucket);
  }

  @Override
  public Optional<byte[]> get(String key) {
    return kv.get(bucket, key);
  }

  @Override
  public void put(String key, byte[] value) {
    kv.put(bucket, key, value);
  }

  @Override
  public boolean create(String key, byte[] value) {
    return kv.create(bucket, key, value);
  }

  @Override
  public void delete(String key) {
    kv.delete(bucket, key);
  }

  @Override
  public List<String> keys(String prefix) {
    return kv.keys(bucket, prefix + ">");
  }

  @Override
  public Optional<byte[]> getBody(String bundleId) {
    return objects.get(objectBucket, bundleId);
  }

  @Override
  public void putBody(String bundleId, byte[] body) {
    objects.put(objectBucket, bundleId, body);
  }

  @Override
  public void close() {
    // The NATS client belongs to whoever opened the store.
  }
}
