package dev.ben.streams.nats;

import io.nats.client.Connection;
import io.nats.client.api.ObjectStoreConfiguration;
import io.nats.client.api.StorageType;
import java.io.ByteArrayOutputStream;
import java.util.Optional;

/** JetStream Object Stores: creating them and putting/getting whole objects. */
public final class ObjectBuckets {

  private final Connection connection;
  private final String server;

  ObjectBuckets(Connection connection, String server) {
    this.connection = connection;
    this.server = server;
  }

  public void ensure(String bucket) {
    NatsClient.call(
        "creating object store " + bucket + " on " + server,
        () -> {
          try {
            return connection.objectStoreManagement().getStatus(bucket);
          } catch (Exception e) {
            if (!NatsClient.notFound(e)) {
              throw e;
            }
            return connection
                .objectStoreManagement()
                .create(
                    ObjectStoreConfiguration.builder(bucket).storageType(StorageType.File).build());
          }
        });
  }

  public void put(String bucket, String name, byte[] bytes) {
    NatsClient.call(
        "putting object " + bucket + "/" + name,
        () -> connection.objectStore(bucket).put(name, bytes));
  }

  public Optional<byte[]> get(String bucket, String name) {
    return NatsClient.call(
        "getting object " + bucket + "/" + name,
        () -> {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          try {
            connection.objectStore(bucket).get(name, out);
          } catch (IllegalArgumentException e) {
            // jnats signals a missing object this way; anything else is a real failure.
            return Optional.<byte[]>empty();
          }
          return Optional.of(out.toByteArray());
        });
  }
}
