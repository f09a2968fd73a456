package dev.ben.actors.sidecar.socket;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.stream.ActorAttributes;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.SharedKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.StreamConverters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pipeline's Unix socket: bound at open (replacing a socket file left by a process that no
 * longer listens), accepting on its own thread, each connection bridged to a {@link SessionFlow}
 * through blocking channel streams on dedicated dispatchers; closing it ends its sessions and
 * removes the file.
 */
final class UdsListener implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(UdsListener.class);
  private static final int READ_CHUNK = 64 * 1024;
  private static final int S_IFMT = 0170000;
  private static final int S_IFSOCK = 0140000;

  private final Path path;
  private final ServerSocketChannel server;
  private final SharedKillSwitch sessions;
  private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();

  private UdsListener(Path path, ServerSocketChannel server, String pipeline) {
    this.path = path;
    this.server = server;
    this.sessions = KillSwitches.shared("uds-" + pipeline);
  }

  /**
   * The socket file for a contract's {@code uds} name: a plain file name in the run folder, nothing
   * else.
   */
  static Path socketPath(Path runDir, String name) {
    if (!dev.ben.streams.sidecar.Names.valid(name) || name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException(
          "the socket name `"
              + name
              + "` must be a file name (letters, digits, "
              + "`_`, `.`, `-`), placed in "
              + runDir);
    }
    return runDir.resolve(name);
  }

  static UdsListener open(Path path, String pipeline, SocketServices services) throws IOException {
    replaceStale(path);
    Files.createDirectories(path.getParent());
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      server.bind(UnixDomainSocketAddress.of(path));
    } catch (IOException e) {
      server.close();
      throw e;
    }
    UdsListener listener = new UdsListener(path, server, pipeline);
    Thread accepting =
        new Thread(() -> listener.accept(pipeline, services), "ben-uds-accept-" + pipeline);
    accepting.setDaemon(true);
    accepting.start();
    return listener;
  }

  Path path() {
    return path;
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      log.warn("closing the socket {} failed: {}", path, e.getMessage());
    }
    sessions.shutdown();
    // Closing the channels wakes the readers blocked on them.
    open.forEach(UdsListener::quietlyClose);
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      log.warn("removing the socket file {} failed: {}", path, e.getMessage());
    }
  }

  private void accept(String pipeline, SocketServices services) {
    while (server.isOpen()) {
      try {
        serve(server.accept(), pipeline, services);
      } catch (ClosedChannelException closed) {
        return;
      } catch (IOException e) {
        log.warn("accepting on {} failed: {}", path, e.getMessage());
      }
    }
  }

  private void serve(SocketChannel channel, String pipeline, SocketServices services) {
    open.add(channel);
    StreamConverters.fromInputStream(() -> ChannelStreams.input(channel), READ_CHUNK)
        .withAttributes(ActorAttributes.dispatcher("ben-socket-uds-read-dispatcher"))
        .async()
        .via(sessions.flow())
        // Unix peers cannot be told apart, so the socket is the peer its sessions are counted
        // against.
        .via(SessionFlow.create(services, "uds", "unix:" + path, Optional.of(pipeline)).async())
        .toMat(
            StreamConverters.fromOutputStream(() -> ChannelStreams.output(channel), true)
                .withAttributes(ActorAttributes.dispatcher("ben-socket-uds-write-dispatcher"))
                .async(),
            Keep.right())
        .run(services.materializer)
        .whenComplete(
            (result, failure) -> {
              open.remove(channel);
              quietlyClose(channel);
            });
  }

  /**
   * A socket file whose process is gone is removed; a live one, or anything that is not a socket,
   * is kept.
   */
  private static void replaceStale(Path path) throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    if ((mode & S_IFMT) != S_IFSOCK) {
      throw new IOException(
          path + " exists and is not a socket; remove it or name another socket in the contract");
    }
    if (listening(path)) {
      throw new IOException(
          "another process listens on " + path + "; stop it or name another socket");
    }
    Files.delete(path);
    log.info("replaced the stale socket file {} (nothing listened on it)", path);
  }

  private static boolean listening(Path path) {
    try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
      return probe.isConnected();
    } catch (IOException refused) {
      return false;
    }
  }

  private static void quietlyClose(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Already gone: nothing left to release.
    }
  }
}
