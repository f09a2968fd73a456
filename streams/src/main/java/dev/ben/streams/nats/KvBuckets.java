package dev.ben.streams.nats;

import io.nats.client.Connection;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.KeyValueWatcher;
import io.nats.client.api.StorageType;
import io.nats.client.impl.NatsKeyValueWatchSubscription;
import java.util.Optional;
import org.apache.pekko.NotUsed;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.QueueOfferResult;
import org.apache.pekko.stream.javadsl.Source;

/** JetStream KV buckets: creating them, put/get/delete, and watchers as Pekko Streams sources. */
public final class KvBuckets {

  private final Connection connection;
  private final String server;

  KvBuckets(Connection connection, String server) {
    this.connection = connection;
    this.server = server;
  }

  /** Creates the file-backed bucket unless it exists, and returns a handle to it. */
  public KeyValue ensure(String bucket) {
    return NatsClient.call("creating KV bucket " + bucket + " on " + server, () -> {
      try {
        connection.keyValueManagement().getBucketInfo(bucket);
      } catch (Exception e) {
        if (!NatsClient.notFound(e)) {
          throw e;
        }
        connection.keyValueManagement().create(
            KeyValueConfiguration.builder().name(bucket).storageType(StorageType.File).build());
      }
      return connection.keyValue(bucket);
    });
  }

  public long put(String bucket, String key, byte[] value) {
    return NatsClient.call("putting " + bucket + "/" + key, () -> connection.keyValue(bucket).put(key, value));
  }

  public Optional<byte[]> get(String bucket, String key) {
    return NatsClient.call("getting " + bucket + "/" + key, () -> {
      KeyValueEntry entry = connection.keyValue(bucket).get(key);
      return entry == null || entry.getOperation() != KeyValueOperation.PUT
          ? Optional.<byte[]>empty() : Optional.ofNullable(entry.getValue());
    });
  }

  public void delete(String bucket, String key) {
    NatsClient.call("deleting " + bucket + "/" + key, () -> {
      connection.keyValue(bucket).delete(key);
      return null;
    });
  }

  /**
   * Every change to the bucket: first the current value of each key, then changes as they happen. The watcher
   * cannot be slowed down, so it fills a bounded buffer; a consumer too slow for it fails the source (a watch that
   * skipped a change would be wrong) and the owner restarts it, which replays the current state.
   */
  public Source<KvChange, NotUsed> watch(String bucket, int buffer) {
    return Source.<KvChange>queue(buffer)
        .mapMaterializedValue(queue -> {
          NatsKeyValueWatchSubscription subscription = NatsClient.call("watching " + bucket,
              () -> connection.keyValue(bucket).watch(">", new Forwarder(queue)));
          return Pair.create(queue, subscription);
        })
        .watchTermination((pair, done) -> {
          done.whenComplete((d, failure) -> pair.second().unsubscribe());
          return NotUsed.getInstance();
        });
  }

  private static final class Forwarder implements KeyValueWatcher {
    private final BoundedSourceQueue<KvChange> queue;

    Forwarder(BoundedSourceQueue<KvChange> queue) {
      this.queue = queue;
    }

    @Override
    public void watch(KeyValueEntry entry) {
      KvChange change = entry.getOperation() == KeyValueOperation.PUT
          ? new KvChange(entry.getKey(), KvChange.Op.PUT, entry.getRevision(), entry.getValue())
          : new KvChange(entry.getKey(), KvChange.Op.DEL, entry.getRevision(), null);
      if (queue.offer(change) != QueueOfferResult.enqueued()) {
        queue.fail(new IllegalStateException("the KV watch consumer fell behind; restart the watch"));
      }
    }

    @Override
    public void endOfData() {
      // The initial values have been delivered; changes keep coming through watch().
    }
  }
}
