package dev.ben.streams.nats;

import dev.ben.config.ConnectorSettings.NatsSettings;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import io.nats.client.Options;

/**
 * One NATS connection and the JetStream features Ben uses on it: {@link #streams()}, {@link #kv()}
 * and {@link #objects()}. Written for nats-server 2.9 (no multi-filter consumers, no per-message
 * TTL).
 */
public final class NatsClient implements AutoCloseable {

  /** JetStream's "stream/bucket not found" error code. */
  static final int NOT_FOUND = 10059;

  private final Connection connection;
  private final String server;
  private final NatsSettings settings;

  private NatsClient(Connection connection, NatsSettings settings) {
    this.connection = connection;
    this.server = settings.url().toString();
    this.settings = settings;
  }

  public static NatsClient connect(NatsSettings settings) {
    String url = settings.url().toString();
    Options options =
        new Options.Builder()
            .server(url)
            .connectionTimeout(settings.connectionTimeout())
            .maxReconnects(-1)
            .connectionName("ben")
            .build();
    try {
      return new NatsClient(Nats.connect(options), settings);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new NatsException(
          "cannot connect to NATS at "
              + url
              + ": "
              + e.getMessage()
              + " (is nats-server running with -js? set BEN_NATS_URL to its address)",
          e);
    }
  }

  public JetStreams streams() {
    return new JetStreams(connection, server, settings.fetchWait());
  }

  /** Plain (core NATS) subjects: fire-and-forget notifications to whoever listens now. */
  public Subjects subjects() {
    return new Subjects(connection, server, settings.flushTimeout());
  }

  public KvBuckets kv() {
    return new KvBuckets(connection, server);
  }

  public ObjectBuckets objects() {
    return new ObjectBuckets(connection, server);
  }

  public String server() {
    return server;
  }

  /** The largest message the server takes ({@code max_payload}), which bounds a KV value. */
  public long maxPayload() {
    return connection.getServerInfo().getMaxPayload();
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static boolean notFound(Exception e) {
    return e instanceof JetStreamApiException api && api.getApiErrorCode() == NOT_FOUND;
  }

  /** A blocking NATS call. */
  @FunctionalInterface
  interface Call<T> {
    T run() throws Exception;
  }

  static <T> T call(String what, Call<T> call) {
    try {
      return call.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NatsException(what + " was interrupted", e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new NatsException(what + " failed: " + e.getMessage(), e);
    }
  }
}
