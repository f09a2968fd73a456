package dev.ben.actors.node.servers;

import dev.ben.config.Endpoint;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/** A listening endpoint of the node, started once and stopped once by the node's guardian. */
public interface NodeServer {

  /** How the endpoint is named in the node's endpoints: ingest, socket, gateway, control or ops. */
  String name();

  /** Where the settings ask it to listen. */
  Endpoint configured();

  /**
   * Binds the endpoint; completes with the bound address (its port differs from the configured one
   * when 0 was configured), or fails when it cannot bind. Called once, on the guardian's thread.
   */
  CompletionStage<InetSocketAddress> start();

  /**
   * Stops taking new connections (those under way go on until the node stops); called once the node
   * shuts down, after {@link #start()} succeeded.
   */
  CompletionStage<Done> stop();

  /** The settings subtree holding its host and port, named when it cannot bind. */
  default String settingsPath() {
    return name();
  }

  /** How clients speak to it: http, or https when the node serves TLS (ben.tls). */
  default String scheme() {
    return "http";
  }

  /** The log line once bound. */
  default String listening(InetSocketAddress bound) {
    return name()
        + " listening on "
        + scheme()
        + "://"
        + bound.getHostString()
        + ":"
        + bound.getPort();
  }
}
