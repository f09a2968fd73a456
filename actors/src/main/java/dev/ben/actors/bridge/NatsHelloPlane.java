package dev.ben.actors.bridge;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.actors.orchestrator.HelloPlane;
import dev.ben.actors.orchestrator.Orchestrator;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.nats.JetStreamMessage;
import dev.ben.streams.nats.JetStreams;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
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
 * delivered to the new one. Old hellos expire with the stream's max age (presence is resent every
 * few seconds anyway). A message that does not decode is refused and counted.
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
  private final LongAdder refused;

  public NatsHelloPlane(
      JetStreams streams,
      String namespace,
      ObjectMapper mapper,
      MetricsRegistry metrics,
      ClassicActorSystemProvider system) {
    this.streams = streams;
    this.stream = namespace.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_PRESENCE";
    this.hello = namespace + ".presence.hello";
    this.goodbye = namespace + ".presence.goodbye";
    this.durable = namespace + "-orchestrator";
    this.mapper = mapper;
    this.system = system;
    this.refused = BridgeCounters.refused(metrics, "presence");
    streams.ensure(stream, Duration.ofMinutes(5), namespace + ".presence.>");
  }

  @Override
  public void send(Orchestrator.Presence presence) {
    String subject = presence instanceof Orchestrator.ComponentHello ? hello : goodbye;
    try {
      streams
          .publishAsync(subject, mapper.writeValueAsBytes(presence))
          .whenComplete(
              (seq, failure) -> {
                if (failure != null) {
                  log.warn(
                      "a presence message was not stored by NATS (it is resent): {}",
                      failure.getMessage());
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode " + presence, e);
    }
  }

  @Override
  public AutoCloseable deliverTo(ActorRef<Orchestrator.Command> orchestrator) {
    // A short ack wait: presence is resent every 2 s anyway, and a hello taken by a pull of a
    // consumer that just
    // stopped is redelivered to the next one after it.
    RestartSettings backoff =
        RestartSettings.create(Duration.ofMillis(200), Duration.ofSeconds(5), 0.2);
    UniqueKillSwitch killSwitch =
        RestartSource.withBackoff(
                backoff,
                () ->
                    streams.durable(
                        stream, hello.replace(".hello", ".>"), durable, 100, Duration.ofSeconds(2)))
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
      refused.increment();
      log.warn(
          "refused a message on {} that is not a presence message: {}",
          message.subject(),
          e.getMessage());
    }
    message.ack();
  }
}
