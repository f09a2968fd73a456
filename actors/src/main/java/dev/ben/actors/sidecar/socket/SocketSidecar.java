package dev.ben.actors.sidecar.socket;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.actors.NodeLocal;
import dev.ben.actors.pipeline.PipelineDirectory;
import dev.ben.actors.signal.Signal;
import dev.ben.config.Endpoint;
import dev.ben.config.IngestSettings;
import dev.ben.streams.auth.AppKeyCheck;
import dev.ben.streams.eventlog.emit.EventEmitter;
import dev.ben.streams.live.LiveHub;
import dev.ben.streams.metrics.MetricsRegistry;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.SharedKillSwitch;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Tcp;
import org.apache.pekko.util.ByteString;

/**
 * One per edge node: serves socket sessions on the node-wide TCP port, and follows the pipeline
 * directory to open the Unix socket of each pipeline whose contract asks for one while it runs here
 * (closed, and its file removed, when it withdraws). Tells {@code listening} once where TCP is
 * bound, or why it could not be; stopping ends every session.
 */
public final class SocketSidecar extends AbstractBehavior<SocketSidecar.Command> {

  public sealed interface Command extends NodeLocal {}

  /** Where the TCP endpoint listens (the bound port when 0 was configured), or why it does not. */
  public record Listening(
      Endpoint configured, Optional<InetSocketAddress> bound, Optional<Throwable> failure)
      implements NodeLocal {}

  /**
   * Stops taking new TCP sessions (the node is shutting down); sessions under way go on until the
   * sidecar stops.
   */
  public record Unbind() implements Command {}

  private record TcpBound(Tcp.ServerBinding binding) implements Command {}

  private record TcpFailed(Throwable cause) implements Command {}

  private record PipelineChanged(PipelineDirectory.Change change) implements Command {}

  private final SocketServices services;
  private final Path runDir;
  private final ActorRef<Listening> listening;
  private final SharedKillSwitch tcpSessions = KillSwitches.shared("socket-tcp-sessions");
  private final Map<String, UdsListener> sockets = new HashMap<>();
  private Tcp.ServerBinding binding;

  public static Behavior<Command> create(
      IngestSettings settings,
      ActorRef<PipelineDirectory.Command> directory,
      LiveHub<Signal> signals,
      ObjectMapper mapper,
      MetricsRegistry metrics,
      Path runDir,
      AppKeyCheck keys,
      EventEmitter events,
      ActorRef<Listening> listening) {
    return Behaviors.setup(
        context ->
            new SocketSidecar(
                context,
                new SocketServices(
                    settings,
                    directory,
                    context.getSystem(),
                    mapper,
                    metrics,
                    signals,
                    keys,
                    events),
                directory,
                runDir,
                listening));
  }

  private SocketSidecar(
      ActorContext<Command> context,
      SocketServices services,
      ActorRef<PipelineDirectory.Command> directory,
      Path runDir,
      ActorRef<Listening> listening) {
    super(context);
    this.services = services;
    this.runDir = runDir;
    this.listening = listening;
    Endpoint endpoint = services.socket.endpoint();
    context.pipeToSelf(
        Tcp.get(context.getSystem())
            .bind(endpoint.host(), endpoint.port())
            .toMat(
                Sink.foreach(
                    connection ->
                        connection.handleWith(
                            session(connection.remoteAddress()), services.materializer)),
                Keep.left())
            .run(services.materializer),
        (bound, failure) -> failure == null ? new TcpBound(bound) : new TcpFailed(failure));
    directory.tell(
        new PipelineDirectory.Watch(
            context.messageAdapter(PipelineDirectory.Change.class, PipelineChanged::new)));
  }

  /** A TCP session, whose peer is its client's address. */
  private Flow<ByteString, ByteString, ?> session(InetSocketAddress client) {
    return Flow.<ByteString>create()
        .via(tcpSessions.flow())
        .via(
            SessionFlow.create(
                services, "tcp", client.getAddress().getHostAddress(), Optional.empty()));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(TcpBound.class, this::onTcpBound)
        .onMessage(TcpFailed.class, this::onTcpFailed)
        .onMessage(PipelineChanged.class, this::onPipelineChanged)
        .onMessage(Unbind.class, this::onUnbind)
        .onSignal(PostStop.class, signal -> onPostStop())
        .build();
  }

  private Behavior<Command> onTcpBound(TcpBound bound) {
    binding = bound.binding();
    listening.tell(
        new Listening(
            services.socket.endpoint(), Optional.of(binding.localAddress()), Optional.empty()));
    return this;
  }

  private Behavior<Command> onTcpFailed(TcpFailed failed) {
    listening.tell(
        new Listening(services.socket.endpoint(), Optional.empty(), Optional.of(failed.cause())));
    return Behaviors.stopped();
  }

  private Behavior<Command> onPipelineChanged(PipelineChanged changed) {
    if (changed.change() instanceof PipelineDirectory.Registered registered) {
      PipelineDirectory.Ingress ingress = registered.ingress();
      ingress
          .uds()
          .ifPresentOrElse(
              name -> listen(ingress.pipeline(), name), () -> stopListening(ingress.pipeline()));
    } else if (changed.change() instanceof PipelineDirectory.Withdrawn withdrawn) {
      stopListening(withdrawn.pipeline());
    }
    return this;
  }

  private Behavior<Command> onUnbind(Unbind unbind) {
    if (binding != null) {
      binding.unbind();
      binding = null;
    }
    return this;
  }

  private Behavior<Command> onPostStop() {
    if (binding != null) {
      binding.unbind();
    }
    tcpSessions.shutdown();
    sockets.values().forEach(UdsListener::close);
    sockets.clear();
    return this;
  }

  private void listen(String pipeline, String name) {
    try {
      Path path = UdsListener.socketPath(runDir, name);
      UdsListener current = sockets.get(pipeline);
      if (current != null && current.path().equals(path)) {
        return;
      }
      stopListening(pipeline);
      sockets.put(pipeline, UdsListener.open(path, pipeline, services));
      getContext().getLog().info("pipeline {} takes socket sessions on unix:{}", pipeline, path);
    } catch (Exception e) {
      // The pipeline still takes events over TCP and HTTP; the operator is told why its socket is
      // missing.
      getContext()
          .getLog()
          .error(
              "cannot open the Unix socket `{}` of pipeline {}: {}",
              name,
              pipeline,
              e.getMessage());
    }
  }

  private void stopListening(String pipeline) {
    UdsListener listener = sockets.remove(pipeline);
    if (listener != null) {
      listener.close();
      getContext().getLog().info("pipeline {} closed its socket {}", pipeline, listener.path());
    }
  }
}
