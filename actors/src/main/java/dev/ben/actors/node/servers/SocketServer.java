package dev.ben.actors.node.servers;

import dev.ben.actors.sidecar.socket.SocketSidecar;
import dev.ben.config.Endpoint;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The socket sidecar's TCP endpoint on edge nodes. The sidecar is an actor (it also opens the
 * pipelines' Unix sockets), spawned as a child of the guardian on start; it ends its sessions when
 * the guardian stops.
 */
public final class SocketServer implements NodeServer {

  private final ActorContext<?> context;
  private final Endpoint endpoint;
  private final Function<ActorRef<SocketSidecar.Listening>, Behavior<SocketSidecar.Command>>
      sidecar;
  private volatile ActorRef<SocketSidecar.Command> running;

  /**
   * @param sidecar the sidecar's behaviour, given where to say it listens
   */
  public SocketServer(
      ActorContext<?> context,
      Endpoint endpoint,
      Function<ActorRef<SocketSidecar.Listening>, Behavior<SocketSidecar.Command>> sidecar) {
    this.context = context;
    this.endpoint = endpoint;
    this.sidecar = sidecar;
  }

  @Override
  public String name() {
    return "socket";
  }

  @Override
  public String settingsPath() {
    return "ingest.socket";
  }

  @Override
  public Endpoint configured() {
    return endpoint;
  }

  @Override
  public CompletionStage<InetSocketAddress> start() {
    CompletableFuture<InetSocketAddress> bound = new CompletableFuture<>();
    ActorRef<SocketSidecar.Listening> listening =
        context.spawn(completing(bound), "socket-sidecar-listening");
    running = context.spawn(sidecar.apply(listening), "socket-sidecar");
    return bound;
  }

  @Override
  public CompletionStage<Done> stop() {
    running.tell(new SocketSidecar.Unbind());
    return CompletableFuture.completedFuture(Done.getInstance());
  }

  @Override
  public String listening(InetSocketAddress bound) {
    return "socket sidecar listening on tcp://" + bound.getHostString() + ":" + bound.getPort();
  }

  /** Takes the sidecar's one Listening message into {@code bound}, then stops. */
  private static Behavior<SocketSidecar.Listening> completing(
      CompletableFuture<InetSocketAddress> bound) {
    return Behaviors.receiveMessage(
        listening -> {
          listening
              .failure()
              .ifPresentOrElse(
                  bound::completeExceptionally, () -> bound.complete(listening.bound().get()));
          return Behaviors.stopped();
        });
  }
}
