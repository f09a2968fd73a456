package dev.ben.actors.node;

import dev.ben.config.Role;
import java.time.Duration;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.ClusterSingletonSettings;
import org.apache.pekko.cluster.typed.SingletonActor;

/**
 * The cluster singletons of the control plane (orchestrator, ledger): each lives on one
 * orchestrator-role member at a time and is restarted with backoff when it fails, since both talk
 * to stores outside the JVM.
 */
final class Singletons {

  // TODO(merge): read these from ben.supervision (SupervisionSettings) once the shared supervision
  // helper lands, and use it instead of supervised() below.
  private static final Duration RESTART_MIN = Duration.ofMillis(200);
  private static final Duration RESTART_MAX = Duration.ofSeconds(10);
  private static final double RESTART_RANDOM_FACTOR = 0.2;

  private Singletons() {}

  /** Starts (or joins) the singleton {@code name} and returns its proxy. */
  static <T> ActorRef<T> onOrchestrators(ActorSystem<?> system, Behavior<T> behavior, String name) {
    return ClusterSingleton.get(system)
        .init(
            SingletonActor.of(supervised(behavior), name)
                .withSettings(
                    ClusterSingletonSettings.create(system)
                        .withRole(Role.ORCHESTRATOR.configName())));
  }

  private static <T> Behavior<T> supervised(Behavior<T> behavior) {
    return Behaviors.supervise(behavior)
        .onFailure(
            SupervisorStrategy.restartWithBackoff(RESTART_MIN, RESTART_MAX, RESTART_RANDOM_FACTOR));
  }
}
