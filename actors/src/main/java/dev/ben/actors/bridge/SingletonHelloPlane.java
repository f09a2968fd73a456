package dev.ben.actors.bridge;

import dev.ben.actors.orchestrator.HelloPlane;
import dev.ben.actors.orchestrator.Orchestrator;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * Hellos sent straight to the orchestrator singleton's proxy, the plane without NATS. While the
 * singleton is being moved, the proxy buffers what is sent (up to its configured buffer) and
 * delivers it to the new incarnation. The proxy exists only once the singleton is initialised with
 * its behavior, which needs this plane, hence {@link #attach}.
 */
public final class SingletonHelloPlane implements HelloPlane {

  private final AtomicReference<ActorRef<Orchestrator.Command>> orchestratorProxy =
      new AtomicReference<>();

  public void attach(ActorRef<Orchestrator.Command> proxy) {
    orchestratorProxy.set(proxy);
  }

  @Override
  public void send(Orchestrator.Presence presence) {
    ActorRef<Orchestrator.Command> proxy = orchestratorProxy.get();
    if (proxy == null) {
      throw new IllegalStateException(
          "the hello plane is used before the orchestrator singleton is initialised");
    }
    proxy.tell(presence);
  }

  @Override
  public AutoCloseable deliverTo(ActorRef<Orchestrator.Command> orchestrator) {
    return () -> {};
  }
}
