package dev.ben.config;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The socket sidecar (docs/socket-sidecar.md): the node-wide TCP endpoint, the largest frame a
 * session may send, how many sessions past HELLO (TCP and Unix sockets together) a node serves at
 * once, how long a silent session is kept, and how many signals wait for a slow session before the
 * oldest is dropped. A session must say HELLO within {@code helloTimeout}; until it has, it counts
 * against {@code maxPendingSessions} node-wide and {@code maxPendingPerPeer} for its peer (a client
 * address, or the Unix socket it came in on), and every session against {@code maxSessionsPerPeer}.
 */
public record SocketSettings(
    Endpoint endpoint,
    int maxFrameBytes,
    int maxSessions,
    Duration idleTimeout,
    int signalBuffer,
    Duration helloTimeout,
    int maxPendingSessions,
    int maxSessionsPerPeer,
    int maxPendingPerPeer) {

  /**
   * Frames below this could not carry a HELLO with two full names; above it one session could pin a
   * lot of heap.
   */
  static final int MIN_FRAME_BYTES = 1024;

  static final int MAX_FRAME_BYTES = 64 * 1024 * 1024;

  /**
   * Each Unix-socket session holds a reading thread, so the bound keeps a node's thread count sane.
   */
  static final int MAX_SESSIONS = 4096;

  public static SocketSettings fromConfig(Config root) {
    ConfigReader reader = new ConfigReader(root, "ben.ingest.socket");
    long maxFrame = reader.positiveBytes("max-frame-bytes");
    if (maxFrame < MIN_FRAME_BYTES || maxFrame > MAX_FRAME_BYTES) {
      throw reader.invalid(
          "max-frame-bytes",
          "must be between " + MIN_FRAME_BYTES + " bytes and 64m, got " + maxFrame);
    }
    int maxSessions = reader.positiveInt("max-sessions");
    if (maxSessions > MAX_SESSIONS) {
      throw reader.invalid(
          "max-sessions",
          "must be at most "
              + MAX_SESSIONS
              + " (each Unix-socket session holds "
              + "a thread), got "
              + maxSessions);
    }
    int perPeer = reader.positiveInt("max-sessions-per-peer");
    int pendingPerPeer = reader.positiveInt("max-pending-per-peer");
    if (pendingPerPeer > perPeer) {
      throw reader.invalid(
          "max-pending-per-peer", "must not exceed max-sessions-per-peer (" + perPeer + ")");
    }
    return new SocketSettings(
        Endpoint.read(reader),
        (int) maxFrame,
        maxSessions,
        reader.positiveDuration("idle-timeout"),
        reader.positiveInt("signal-buffer"),
        reader.positiveDuration("hello-timeout"),
        reader.positiveInt("max-pending-sessions"),
        perPeer,
        pendingPerPeer);
  }
}
