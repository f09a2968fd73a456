package dev.ben.client.eventlog;

import com.typesafe.config.ConfigFactory;
import dev.ben.api.events.Claim;
import dev.ben.api.events.ClaimRequest;
import dev.ben.api.events.ConsumerStatus;
import dev.ben.api.events.Consumption;
import dev.ben.api.events.Event;
import dev.ben.api.events.EventList;
import dev.ben.api.events.EventLogServiceClient;
import dev.ben.api.events.EventRef;
import dev.ben.api.events.MoveRequest;
import dev.ben.api.events.PublishRequest;
import dev.ben.api.events.ReadRequest;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.grpc.GrpcClientSettings;
import org.apache.pekko.grpc.javadsl.SingleResponseRequestBuilder;

/**
 * A blocking client of the event log on a node's control port, authenticated by a token (from
 * {@code benctl login}, or issued to the component's account): whoever the token names is the
 * source of what it publishes and the consumer of what it claims. A refusal is the server's {@link
 * StatusRuntimeException} with its reason (PERMISSION_DENIED: not a registered component;
 * FAILED_PRECONDITION: a status move the transitions do not allow). Close it when done.
 */
public final class EventLogClient implements AutoCloseable {

  private final ActorSystem system;
  private final EventLogServiceClient client;
  private final String authorization;
  private final Duration timeout;

  private EventLogClient(
      ActorSystem system, EventLogServiceClient client, String token, Duration timeout) {
    this.system = system;
    this.client = client;
    this.authorization = "Bearer " + token;
    this.timeout = timeout;
  }

  /** Connects to {@code host:port}, over TLS when {@code tls} (trusting the JDK's CAs). */
  public static EventLogClient connect(
      String host, int port, boolean tls, String token, Duration timeout) {
    // A local system of its own: the application's configuration (a cluster, say) is not the
    // client's business.
    ActorSystem system =
        ActorSystem.create(
            "ben-eventlog-client",
            ConfigFactory.parseString(
                    """
                    pekko.loglevel = WARNING
                    pekko.stdout-loglevel = OFF
                    pekko.actor.provider = local
                    pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off
                    """)
                .withFallback(ConfigFactory.defaultReference()));
    GrpcClientSettings settings =
        GrpcClientSettings.connectToServiceAt(host, port, system)
            .withTls(tls)
            .withDeadline(timeout);
    return new EventLogClient(
        system, EventLogServiceClient.create(settings, system), token, timeout);
  }

  public Event publish(PublishRequest event) {
    return call(EventLogServiceClient::publish, event);
  }

  public EventList read(ReadRequest request) {
    return call(EventLogServiceClient::read, request);
  }

  /**
   * Up to {@code limit} events of the types to handle exactly once, each now Started under a lease
   * of {@code lease} (zero: the node's default); an event whose lease passes before it is finished
   * is handed out again, with a higher attempt.
   */
  public List<Claim> claim(Collection<String> types, int limit, Duration lease) {
    return call(
            EventLogServiceClient::claim,
            ClaimRequest.newBuilder()
                .addAllTypes(types)
                .setLimit(limit)
                .setLeaseMillis(lease.toMillis())
                .build())
        .getClaimsList();
  }

  /** Moves this consumer's status of an event it claimed (In Progress renews the lease). */
  public Consumption move(String eventId, ConsumerStatus status, String note) {
    return call(
        EventLogServiceClient::move,
        MoveRequest.newBuilder().setEventId(eventId).setStatus(status).setNote(note).build());
  }

  /**
   * Every consumer's current status of the event (who claimed it, at which attempt, how far each
   * got), sorted by consumer: how a consumer, or an operator, sees whether an event was handled.
   */
  public List<Consumption> statuses(String eventId) {
    return call(EventLogServiceClient::statuses, EventRef.newBuilder().setId(eventId).build())
        .getStatusesList();
  }

  private <Q, R> R call(
      Function<EventLogServiceClient, SingleResponseRequestBuilder<Q, R>> method, Q request) {
    CompletionStage<R> answer =
        method.apply(client).addHeader("authorization", authorization).invoke(request);
    try {
      return answer.toCompletableFuture().get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException refusal) {
        throw refusal;
      }
      throw new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the event log did not answer within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the event log", e);
    }
  }

  @Override
  public void close() {
    try {
      client.close().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // Closing is best effort; the actor system below takes the connection down anyway.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      system.terminate();
    }
  }
}
