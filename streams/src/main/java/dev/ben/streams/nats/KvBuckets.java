package dev.ben.streams.nats;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.KeyValueWatcher;
import io.nats.client.api.StorageType;
import io.nats.client.impl.NatsKeyValueWatchSubscription;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.NotUsed;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.QueueOfferResult;
import org.apache.pekko.stream.javadsl.Source;

/**
 * JetStream KV buckets: creating them, put/get/create-if-absent/delete, listing keys, and watchers
 * as Pekko Streams sources or plain listeners.
 */
public final class KvBuckets {

  /** JetStream's "wrong last sequence" error: a compare-and-set found another value. */
  private static final int WRONG_LAST_SEQUENCE = 10071;

  private final Connection connection;
  private final String server;

  KvBuckets(Connection connection, String server) {
    this.connection = connection;
    this.server = server;
  }

  /** Creates the file-backed bucket unless it exists, and returns a handle to it. */
  public KeyValue ensure(String bucket) {
    return NatsClient.call(
        "creating KV bucket " + bucket + " on " + server,
        () -> {
          try {
            connection.keyValueManagement().getStatus(bucket);
          } catch (Exception e) {
            if (!NatsClient.notFound(e)) {
              throw e;
            }
            connection
                .keyValueManagement()
                .create(
                    KeyValueConfiguration.builder()
                        .name(bucket)
                        .storageType(StorageType.File)
                        .build());
          }
          return connection.keyValue(bucket);
        });
  }

  public long put(String bucket, String key, byte[] value) {
    return NatsClient.call(
        "putting " + bucket + "/" + key, () -> connection.keyValue(bucket).put(key, value));
  }

  public Optional<byte[]> get(String bucket, String key) {
    return NatsClient.call(
        "getting " + bucket + "/" + key,
        () -> {
          KeyValueEntry entry = connection.keyValue(bucket).get(key);
          return entry == null || entry.getOperation() != KeyValueOperation.PUT
              ? Optional.<byte[]>empty()
              : Optional.ofNullable(entry.getValue());
        });
  }

  /**
   * Writes the key only if it holds no value (never written, or deleted); false when it does. This
   * is JetStream's compare-and-set, which makes numbered appends safe with several writers.
   */
  public boolean create(String bucket, String key, byte[] value) {
    return NatsClient.call(
        "creating " + bucket + "/" + key,
        () -> {
          try {
            connection.keyValue(bucket).create(key, value);
            return true;
          } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() == WRONG_LAST_SEQUENCE) {
              return false;
            }
            throw e;
          }
        });
  }

  /** A key's value with its revision, which a compare-and-set names. */
  public record Entry(byte[] value, long revision) {}

  /** The key's value and revision, or empty when it holds none (never written, or deleted). */
  public Optional<Entry> entry(String bucket, String key) {
    return NatsClient.call(
        "getting " + bucket + "/" + key,
        () -> {
          KeyValueEntry entry = connection.keyValue(bucket).get(key);
          return entry == null || entry.getOperation() != KeyValueOperation.PUT
              ? Optional.<Entry>empty()
              : Optional.of(new Entry(entry.getValue(), entry.getRevision()));
        });
  }

  /**
   * Replaces the key's value only if its revision is still {@code revision}; false when another
   * write came first. Two writers racing from one revision: exactly one succeeds.
   */
  public boolean update(String bucket, String key, byte[] value, long revision) {
    return NatsClient.call(
        "updating " + bucket + "/" + key,
        () -> {
          try {
            connection.keyValue(bucket).update(key, value, revision);
            return true;
          } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() == WRONG_LAST_SEQUENCE) {
              return false;
            }
            throw e;
          }
        });
  }

  /**
   * The keys matching the filter ({@code *} and {@code >} wildcards) that currently hold a value,
   * sorted.
   */
  public List<String> keys(String bucket, String filter) {
    return NatsClient.call(
        "listing " + bucket + "/" + filter,
        () -> connection.keyValue(bucket).keys(filter).stream().sorted().toList());
  }

  public void delete(String bucket, String key) {
    NatsClient.call(
        "deleting " + bucket + "/" + key,
        () -> {
          connection.keyValue(bucket).delete(key);
          return null;
        });
  }

  /**
   * Every change to the bucket: first the current value of each key, then changes as they happen.
   * The watcher cannot be slowed down, so it fills a bounded buffer; a consumer too slow for it
   * fails the source (a watch that skipped a change would be wrong) and the owner restarts it,
   * which replays the current state.
   */
  public Source<KvChange, NotUsed> watch(String bucket, int buffer) {
    return Source.<KvChange>queue(buffer)
        .mapMaterializedValue(
            queue -> {
              NatsKeyValueWatchSubscription subscription =
                  NatsClient.call(
                      "watching " + bucket,
                      () -> connection.keyValue(bucket).watch(">", new Forwarder(queue)));
              return Pair.create(queue, subscription);
            })
        .watchTermination(
            (pair, done) -> {
              done.whenComplete((d, failure) -> pair.second().unsubscribe());
              return NotUsed.getInstance();
            });
  }

  /** Receives a plain watch's changes on the NATS client's dispatcher thread, one at a time. */
  public interface Listener {
    void change(KvChange change);

    /** The current values have all been delivered; what follows are changes. */
    void caughtUp();
  }

  /**
   * Every change to keys matching the filter, without Pekko: first the current entry of each key (a
   * deleted key shows as a DEL), then {@link Listener#caughtUp()}, then changes as they happen.
   * Close the handle to stop.
   */
  public AutoCloseable watch(String bucket, String filter, Listener listener) {
    NatsKeyValueWatchSubscription subscription =
        NatsClient.call(
            "watching " + bucket + "/" + filter,
            () ->
                connection
                    .keyValue(bucket)
                    .watch(
                        filter,
                        new KeyValueWatcher() {
                          @Override
                          public void watch(KeyValueEntry entry) {
                            listener.change(toChange(entry));
                          }

                          @Override
                          public void endOfData() {
                            listener.caughtUp();
                          }
                        }));
    return subscription::unsubscribe;
  }

  private static KvChange toChange(KeyValueEntry entry) {
    return entry.getOperation() == KeyValueOperation.PUT
        ? new KvChange(entry.getKey(), KvChange.Op.PUT, entry.getRevision(), entry.getValue())
        : new KvChange(entry.getKey(), KvChange.Op.DEL, entry.getRevision(), null);
  }

  private static final class Forwarder implements KeyValueWatcher {
    private final BoundedSourceQueue<KvChange> queue;

    Forwarder(BoundedSourceQueue<KvChange> queue) {
      this.queue = queue;
    }

    @Override
    public void watch(KeyValueEntry entry) {
      if (queue.offer(toChange(entry)) != QueueOfferResult.enqueued()) {
        queue.fail(
            new IllegalStateException("the KV watch consumer fell behind; restart the watch"));
      }
    }

    @Override
    public void endOfData() {
      // The initial values have been delivered; changes keep coming through watch().
    }
  }
}
