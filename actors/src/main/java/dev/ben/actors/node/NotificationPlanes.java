package dev.ben.actors.node;

import dev.ben.actors.bridge.MessagePlane;
import dev.ben.actors.bridge.NatsHelloPlane;
import dev.ben.actors.bridge.NatsSubjectPlane;
import dev.ben.actors.bridge.SingletonHelloPlane;
import dev.ben.actors.bridge.TopicPlane;
import dev.ben.actors.orchestrator.HelloPlane;
import dev.ben.config.BenSettings;
import dev.ben.config.ConnectorSettings;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.pubsub.Topic;

/**
 * How the node's notifications travel: over NATS subjects and streams when NATS is configured (so
 * they reach members of other clusters sharing the namespace), otherwise over Pekko's in-cluster
 * topics and the orchestrator singleton.
 */
final class NotificationPlanes {

  private final ActorContext<?> context;
  private final BenSettings settings;
  private final NodeServices services;

  NotificationPlanes(ActorContext<?> context, BenSettings settings, NodeServices services) {
    this.context = context;
    this.settings = settings;
    this.services = services;
  }

  /**
   * A plane carrying {@code type}: the NATS subject {@code <namespace>.<subject>}, or the cluster
   * topic {@code topic} spawned as the guardian's child {@code actorName}.
   */
  <T> MessagePlane<T> plane(
      Class<T> type, String subject, String topic, String actorName, String metricsName) {
    return services
        .control()
        .nats()
        .<MessagePlane<T>>map(
            nats ->
                new NatsSubjectPlane<>(
                    nats.subjects(),
                    namespace() + "." + subject,
                    type,
                    services.mapper(),
                    services.metrics(),
                    metricsName))
        .orElseGet(() -> new TopicPlane<>(context.spawn(Topic.create(type, topic), actorName)));
  }

  /** Presence over NATS streams, or {@code inJvm} (attached to the orchestrator later) without. */
  HelloPlane hellos(SingletonHelloPlane inJvm) {
    return services
        .control()
        .nats()
        .<HelloPlane>map(
            nats ->
                new NatsHelloPlane(
                    nats.streams(),
                    namespace(),
                    services.mapper(),
                    services.metrics(),
                    context.getSystem(),
                    settings))
        .orElse(inJvm);
  }

  private String namespace() {
    return settings
        .connectors()
        .nats()
        .map(ConnectorSettings.NatsSettings::namespace)
        .orElse("ben");
  }
}
