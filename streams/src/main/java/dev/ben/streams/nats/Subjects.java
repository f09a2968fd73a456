package dev.ben.streams.nats;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
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

  Subjects(Connection connection, String server) {
    this.connection = connection;
    this.server = server;
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
          connection.flush(java.time.Duration.ofSeconds(5));
          return null;
        });
    return () -> connection.closeDispatcher(dispatcher);
  }
}
