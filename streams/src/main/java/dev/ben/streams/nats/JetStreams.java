package dev.ben.streams.nats;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamSubscription;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.dispatch.Dispatchers;
import org.apache.pekko.stream.javadsl.Source;

/**
 * JetStream streams: creating them, publishing, and durable pull consumers as Pekko Streams
 * sources.
 */
public final class JetStreams {

  /** JetStream's "no message found" error: nothing at or after the sequence matches. */
  private static final int NO_MESSAGE_FOUND = 10037;

  private final Connection connection;
  private final String server;
  private final Duration fetchWait;

  JetStreams(Connection connection, String server, Duration fetchWait) {
    this.connection = connection;
    this.server = server;
    this.fetchWait = fetchWait;
  }

  /** Creates the file-backed stream over the subjects unless it exists. */
  public void ensure(String stream, String... subjects) {
    ensure(
        StreamConfiguration.builder()
            .name(stream)
            .subjects(subjects)
            .storageType(StorageType.File)
            .build());
  }

  /**
   * Creates the file-backed stream unless it exists; messages older than {@code maxAge} are
   * discarded.
   */
  public void ensure(String stream, Duration maxAge, String... subjects) {
    ensure(
        StreamConfiguration.builder()
            .name(stream)
            .subjects(subjects)
            .storageType(StorageType.File)
            .maxAge(maxAge)
            .build());
  }

  private void ensure(StreamConfiguration configuration) {
    String stream = configuration.getName();
    NatsClient.call(
        "creating stream " + stream + " on " + server,
        () -> {
          try {
            return connection.jetStreamManagement().getStreamInfo(stream);
          } catch (Exception e) {
            if (!NatsClient.notFound(e)) {
              throw e;
            }
            return connection.jetStreamManagement().addStream(configuration);
          }
        });
  }

  /**
   * Publishes without waiting; the stage completes with the stream sequence once the stream has
   * stored it.
   */
  public java.util.concurrent.CompletableFuture<Long> publishAsync(String subject, byte[] data) {
    return NatsClient.call(
        "publishing to " + subject + " on " + server,
        () -> connection.jetStream().publishAsync(subject, data).thenApply(ack -> ack.getSeqno()));
  }

  /** A message read from a stream by sequence. */
  public record StoredMessage(long sequence, String subject, byte[] data) {}

  /**
   * The first message of the stream at or after {@code sequence} whose subject matches {@code
   * filter} (wildcards allowed), or empty when there is none.
   */
  public Optional<StoredMessage> next(String stream, long sequence, String filter) {
    return NatsClient.call(
        "reading " + stream + " from " + sequence + " on " + server,
        () -> {
          try {
            MessageInfo info =
                connection.jetStreamManagement().getNextMessage(stream, sequence, filter);
            return Optional.of(new StoredMessage(info.getSeq(), info.getSubject(), info.getData()));
          } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() == NO_MESSAGE_FOUND) {
              return Optional.empty();
            }
            throw e;
          }
        });
  }

  /** Publishes and waits for the stream's acknowledgement; returns the stream sequence. */
  public long publish(String subject, byte[] data) {
    return NatsClient.call(
        "publishing to " + subject + " on " + server,
        () -> connection.jetStream().publish(subject, data).getSeqno());
  }

  /**
   * Messages of the subject for the named durable consumer, in order, fetched in batches. Each must
   * be acknowledged by the caller once handled; the consumer's position survives restarts of this
   * process, so a second run continues after the last acknowledged message. Messages delivered but
   * not acknowledged (a consumer that crashed, or read ahead before it stopped) are redelivered
   * once {@code ackWait} has passed.
   *
   * <p>Each fetch runs on the blocking-IO dispatcher and completes a future, so the stream's actor
   * is never the thread that waits: an empty fetch followed by the next would otherwise repeat
   * inside one run of the stream's interpreter (up to its event limit, minutes of {@code
   * fetch-wait}), and a kill switch or the actor system's termination could not get in between.
   */
  public Source<JetStreamMessage, NotUsed> durable(
      String stream, String subject, String durable, int batch, Duration ackWait) {
    return Source.fromMaterializer(
            (mat, attributes) -> {
              Executor io =
                  mat.system().dispatchers().lookup(Dispatchers.DefaultBlockingDispatcherId());
              return Source.<List<JetStreamMessage>, JetStreamSubscription>unfoldResourceAsync(
                  () ->
                      CompletableFuture.supplyAsync(
                          () -> subscribe(stream, subject, durable, ackWait), io),
                  subscription ->
                      CompletableFuture.supplyAsync(
                          () -> Optional.of(fetch(subscription, batch)), io),
                  subscription ->
                      CompletableFuture.supplyAsync(
                          () -> {
                            subscription.unsubscribe();
                            return Done.done();
                          },
                          io));
            })
        .mapMaterializedValue(future -> NotUsed.getInstance())
        .mapConcat(messages -> messages);
  }

  /**
   * Creates the durable consumer when missing (keeping its position when it exists) and binds to
   * it.
   */
  private JetStreamSubscription subscribe(
      String stream, String subject, String durable, Duration ackWait) {
    return NatsClient.call(
        "subscribing durable " + durable + " to " + subject + " on " + server,
        () -> {
          connection
              .jetStreamManagement()
              .addOrUpdateConsumer(
                  stream,
                  ConsumerConfiguration.builder()
                      .durable(durable)
                      .filterSubject(subject)
                      .ackPolicy(AckPolicy.Explicit)
                      .ackWait(ackWait)
                      .build());
          return connection
              .jetStream()
              .subscribe(subject, PullSubscribeOptions.bind(stream, durable));
        });
  }

  private List<JetStreamMessage> fetch(JetStreamSubscription subscription, int batch) {
    try {
      return subscription.fetch(batch, fetchWait).stream().map(JetStreamMessage::new).toList();
    } catch (IllegalStateException e) {
      if (subscription.isActive()) {
        throw e;
      }
      // The source was cancelled while this fetch waited: nothing was taken, so there is nothing to
      // hand on.
      return List.of();
    }
  }
}
