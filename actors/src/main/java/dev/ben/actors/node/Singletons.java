package dev.ben.actors.node;

import dev.ben.actors.Supervision;
import dev.ben.config.Role;
import dev.ben.config.SupervisionSettings;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.ClusterSingletonSettings;
import org.apache.pekko.cluster.typed.SingletonActor;

/**
 * The cluster singletons of the control plane (orchestrator, ledger): each lives on one
 * orchestrator-role member at a time and is restarted with backoff when it fails, since both talk
 * to stores outside the JVM.
 */
final class Singletons {

  private Singletons() {}

  /** Starts (or joins) the singleton {@code name} and returns its proxy. */
  static <T> ActorRef<T> onOrchestrators(
      ActorSystem<?> system, Behavior<T> behavior, String name, SupervisionSettings restarts) {
    return onOrchestrators(system, behavior, name, restarts, Props.empty());
  }

  /** The same, with {@code props} (a dispatcher, say) for the singleton's actor. */
  static <T> ActorRef<T> onOrchestrators(
      ActorSystem<?> system,
      Behavior<T> behavior,
      String name,
      SupervisionSettings restarts,
      Props props) {
    return ClusterSingleton.get(system)
        .init(
            SingletonActor.of(Supervision.restartWithBackoff(behavior, restarts), name)
                .withProps(props)
                .withSettings(
                    ClusterSingletonSettings.create(system)
                        .withRole(Role.ORCHESTRATOR.configName())));
  }
}
