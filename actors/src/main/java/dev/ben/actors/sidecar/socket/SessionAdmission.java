package dev.ben.actors.sidecar.socket;

import dev.ben.config.SocketSettings;
import dev.ben.streams.sidecar.socket.Refusal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which sessions a node takes, and when. A session is pending from its connection until its HELLO
 * is accepted, and only then takes one of the node's {@code max-sessions} slots: sessions that
 * never say HELLO cannot lock apps out, they count against their own node-wide cap and their
 * peer's. A peer (a client address; a pipeline's Unix socket as a whole) also has a cap on all its
 * sessions, so one peer cannot take the port.
 */
final class SessionAdmission {

  private record Peer(int sessions, int pending) {}

  private final SocketSettings limits;
  private final Map<String, Peer> peers = new HashMap<>();
  private int pending;
  private int authenticated;

  SessionAdmission(SocketSettings limits) {
    this.limits = limits;
  }

  /**
   * Admits a new session of {@code peer} as pending, or answers the refusal's reason ({@link
   * Refusal#TOO_MANY_PENDING}, {@link Refusal#TOO_MANY_PEER_SESSIONS}).
   */
  synchronized Optional<String> arrive(String peer) {
    Peer current = peers.getOrDefault(peer, new Peer(0, 0));
    if (current.sessions() >= limits.maxSessionsPerPeer()) {
      return Optional.of(Refusal.TOO_MANY_PEER_SESSIONS);
    }
    if (current.pending() >= limits.maxPendingPerPeer() || pending >= limits.maxPendingSessions()) {
      return Optional.of(Refusal.TOO_MANY_PENDING);
    }
    peers.put(peer, new Peer(current.sessions() + 1, current.pending() + 1));
    pending++;
    return Optional.empty();
  }

  /**
   * Moves one pending session of {@code peer} into the node's {@code max-sessions}; false (and the
   * session stays pending) when the node already serves that many.
   */
  synchronized boolean authenticate(String peer) {
    if (authenticated >= limits.maxSessions()) {
      return false;
    }
    Peer current = peers.get(peer);
    peers.put(peer, new Peer(current.sessions(), current.pending() - 1));
    pending--;
    authenticated++;
    return true;
  }

  /** Gives back the place of a session that ended, pending or authenticated. */
  synchronized void left(String peer, boolean wasAuthenticated) {
    Peer current = peers.get(peer);
    Peer after = new Peer(current.sessions() - 1, current.pending() - (wasAuthenticated ? 0 : 1));
    if (after.sessions() == 0) {
      peers.remove(peer);
    } else {
      peers.put(peer, after);
    }
    if (wasAuthenticated) {
      authenticated--;
    } else {
      pending--;
    }
  }

  synchronized int pending() {
    return pending;
  }

  synchronized int authenticated() {
    return authenticated;
  }

  int maxSessions() {
    return limits.maxSessions();
  }
}
