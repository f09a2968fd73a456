package dev.ben.actors.node.tls;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.remote.artery.tcp.SSLEngineProvider;
import org.apache.pekko.remote.artery.tcp.ssl.RotatingKeysSSLEngineProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Option;

/**
 * Artery's TLS for cluster membership: Pekko's RotatingKeysSSLEngineProvider decides (mutual TLS
 * with the PEM files ben.cluster.tls names, peers must chain to the cluster's CA), and this says in
 * the log when it turns a connection away, on both the accepting and the connecting side, which
 * Pekko itself does not on the accepting one. Pekko builds it from its class name (NodeConfig).
 */
public final class ClusterTlsProvider implements SSLEngineProvider {

  private static final Logger log = LoggerFactory.getLogger(ClusterTlsProvider.class);

  private final RotatingKeysSSLEngineProvider pekko;

  public ClusterTlsProvider(ActorSystem system) {
    this.pekko = new RotatingKeysSSLEngineProvider(system);
  }

  @Override
  public SSLEngine createServerSSLEngine(String hostname, int port) {
    return new HandshakeReportingEngine(
        pekko.createServerSSLEngine(hostname, port), ClusterTlsProvider::refusedIncoming);
  }

  @Override
  public SSLEngine createClientSSLEngine(String hostname, int port) {
    return new HandshakeReportingEngine(
        pekko.createClientSSLEngine(hostname, port),
        failure -> refusedOutgoing(hostname + ":" + port, failure));
  }

  @Override
  public Option<Throwable> verifyClientSession(String hostname, SSLSession session) {
    Option<Throwable> refused = pekko.verifyClientSession(hostname, session);
    if (refused.isDefined()) {
      refusedOutgoing(hostname, refused.get());
    }
    return refused;
  }

  @Override
  public Option<Throwable> verifyServerSession(String hostname, SSLSession session) {
    Option<Throwable> refused = pekko.verifyServerSession(hostname, session);
    if (refused.isDefined()) {
      refusedIncoming(refused.get());
    }
    return refused;
  }

  private static void refusedIncoming(Throwable failure) {
    log.warn(
        "Refused a node that tried to connect to this cluster member: the cluster TLS handshake"
            + " failed (its certificate is not signed by this cluster's CA, or it does not trust"
            + " ours): {}",
        failure.getMessage());
  }

  private static void refusedOutgoing(String member, Throwable failure) {
    log.warn(
        "Cannot connect to cluster node {}: the cluster TLS handshake failed (its certificate is"
            + " not signed by this node's cluster CA, or it does not accept ours): {}",
        member,
        failure.getMessage());
  }
}
