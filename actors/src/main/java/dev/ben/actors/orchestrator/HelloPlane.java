package dev.ben.actors.orchestrator;

import org.apache.pekko.actor.typed.ActorRef;

/**
 * Carries components' hellos and goodbyes to the orchestrator. Presence is repeatable (invariant
 * 7), so a hello may arrive twice; what matters is that one sent while the orchestrator is away is
 * not lost.
 *
 * <p>The orchestrator's own port, so it lives here; the bridge package implements it (over NATS or
 * inside the JVM) and the orchestrator never depends on the bridge.
 */
public interface HelloPlane {

  /** Sends a hello or goodbye without blocking the caller. */
  void send(Orchestrator.Presence presence);

  /**
   * Called by the orchestrator when it starts: delivers the presence messages sent to the plane
   * (including those sent while no orchestrator ran) to it. Closing the handle stops the delivery.
   */
  AutoCloseable deliverTo(ActorRef<Orchestrator.Command> orchestrator);
}
