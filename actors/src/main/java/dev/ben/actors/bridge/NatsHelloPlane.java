package dev.ben.actors.bridge;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.actors.Supervision;
import dev.ben.actors.orchestrator.HelloPlane;
import dev.ben.actors.orchestrator.Orchestrator;
import dev.ben.config.BenSettings;
import dev.ben.config.OrchestratorSettings;
import dev.ben.config.SupervisionSettings;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.nats.JetStreamMessage;
import dev.ben.streams.nats.JetStreams;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.RestartSettings;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.RestartSource;
import org.apache.pekko.stream.javadsl.Sink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hellos on the JetStream stream {@code <NAMESPACE>_PRESENCE} read by one durable consumer: the
 * orchestrator's position survives it moving to another node, so hellos sent while it was away are
 * delivered to the new one. Old hellos expire after {@code ben.orchestrator.presence-retention}
 * (presence is resent every hello interval anyway); a failed consumer is restarted with the node's
 * backoff ({@code ben.supervision}). A message that does not decode is refused and counted.
 */
public final class NatsHelloPlane implements HelloPlane {

  private final String stream;
  private final String hello;
  private final String goodbye;
  private final String durable;

  private static final Logger log = LoggerFactory.getLogger(NatsHelloPlane.class);

  private final JetStreams streams;
  private final ObjectMapper mapper;
  private final ClassicActorSystemProvider system;
  private final CounterDataPoint refused;
  private final OrchestratorSettings presence;
  private final SupervisionSettings restarts;

  /** With the presence timings and restart backoff of {@code settings}. */
  public NatsHelloPlane(
      JetStreams streams,
      String namespace,
      ObjectMapper mapper,
      MetricsRegistry metrics,
      ClassicActorSystemProvider system,
      BenSettings settings) {
    this.presence = settings.orchestrator();
    this.restarts = settings.supervision();
    this.streams = streams;
    this.stream = namespace.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_PRESENCE";
    this.hello = namespace + ".presence.hello";
    this.goodbye = namespace + ".presence.goodbye";
    this.durable = namespace + "-orchestrator";
    this.mapper = mapper;
    this.system = system;
    this.refused = BridgeCounters.refused(metrics, "presence");
    streams.ensure(stream, presence.presenceRetention(), namespace + ".presence.>");
  }

  @Override
  public void send(Orchestrator.Presence presence) {
    String subject = presence instanceof Orchestrator.ComponentHello ? hello : goodbye;
    try {
      streams
          .publishAsync(subject, mapper.writeValueAsBytes(presence))
          .whenComplete(NatsHelloPlane::warnIfNotStored);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode " + presence, e);
    }
  }

  private static void warnIfNotStored(Long sequence, Throwable failure) {
    if (failure != null) {
      log.warn(
          "a presence message was not stored by NATS (it is resent): {}", failure.getMessage());
    }
  }

  @Override
  public AutoCloseable deliverTo(ActorRef<Orchestrator.Command> orchestrator) {
    // The ack wait is one hello interval: presence is resent that often anyway, and a hello taken
    // by a pull of a consumer that just stopped is redelivered to the next one after it.
    RestartSettings backoff = Supervision.restartSettings(restarts);
    UniqueKillSwitch killSwitch =
        RestartSource.withBackoff(
                backoff,
                () ->
                    streams.durable(
                        stream,
                        hello.replace(".hello", ".>"),
                        durable,
                        100,
                        presence.helloInterval()))
            .viaMat(KillSwitches.single(), Keep.right())
            .to(Sink.foreach(message -> deliver(message, orchestrator)))
            .run(system);
    return killSwitch::shutdown;
  }

  private void deliver(JetStreamMessage message, ActorRef<Orchestrator.Command> orchestrator) {
    try {
      Class<? extends Orchestrator.Presence> type =
          hello.equals(message.subject())
              ? Orchestrator.ComponentHello.class
              : Orchestrator.ComponentGoodbye.class;
      orchestrator.tell(mapper.readValue(message.data(), type));
    } catch (IOException | IllegalArgumentException | NullPointerException e) {
      refused.inc();
      log.warn(
          "refused a message on {} that is not a presence message: {}",
          message.subject(),
          e.getMessage());
    }
    message.ack();
  }
}
