package dev.ben.streams.nats;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Core NATS publish and subscribe, for notifications that only matter to whoever listens now (a
 * component that starts later asks for the current state instead). Messages are handed to the
 * listener on the connection's dispatcher thread, so listeners only enqueue (tell an actor) and
 * never block.
 */
public final class Subjects {

  private final Connection connection;
  private final String server;
  private final Duration flushTimeout;

  Subjects(Connection connection, String server, Duration flushTimeout) {
    this.connection = connection;
    this.server = server;
    this.flushTimeout = flushTimeout;
  }

  public void publish(String subject, byte[] data) {
    NatsClient.call(
        "publishing to " + subject + " on " + server,
        () -> {
          connection.publish(subject, data);
          return null;
        });
  }

  /**
   * Delivers every message published on the subject from now on; closing the handle unsubscribes.
   */
  public AutoCloseable subscribe(String subject, Consumer<byte[]> listener) {
    Dispatcher dispatcher =
        connection.createDispatcher(message -> listener.accept(message.getData()));
    dispatcher.subscribe(subject);
    NatsClient.call(
        "subscribing to " + subject + " on " + server,
        () -> {
          connection.flush(flushTimeout);
          return null;
        });
    return () -> connection.closeDispatcher(dispatcher);
  }
}
