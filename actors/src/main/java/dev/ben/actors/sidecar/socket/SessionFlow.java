package dev.ben.actors.sidecar.socket;

import dev.ben.streams.sidecar.socket.FrameDecoder;
import dev.ben.streams.sidecar.socket.Inbound;
import dev.ben.streams.sidecar.socket.Refusal;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;

/**
 * One session as a flow of bytes in to bytes out, whatever the transport: the client's bytes are
 * cut into frames, each handled by the session one at a time (a batch is answered only once the
 * pipeline took it, so a full pipeline stops the reading of the connection, as it stops the reading
 * of an HTTP body), and the replies are merged with the app's signals. Each materialisation is a
 * new session. A session its peer or the node has no room for is told why and closed; one that
 * stays silent past the idle timeout likewise, and one that has not said a valid HELLO within the
 * hello timeout (whatever else it sent meanwhile).
 */
final class SessionFlow {

  private SessionFlow() {}

  /**
   * @param transport {@code tcp} or {@code uds}, for the session counter
   * @param peer whom the session's place is counted against: the client's address on TCP, the Unix
   *     socket it came in on
   * @param socketPipeline the pipeline whose Unix socket the session came in on; empty on TCP
   */
  static Flow<ByteString, ByteString, NotUsed> create(
      SocketServices services, String transport, String peer, Optional<String> socketPipeline) {
    return Flow.<ByteString, ByteString, NotUsed>fromMaterializer(
            (materializer, attributes) -> {
              Optional<String> refused = services.admission.arrive(peer);
              if (refused.isPresent()) {
                return refusedSession(services, refused.get());
              }
              services.counters.opened(transport);
              SessionSignals signals = new SessionSignals(services);
              return session(
                  services, new SocketSession(services, signals, socketPipeline, peer), signals);
            })
        .mapMaterializedValue(future -> NotUsed.getInstance());
  }

  private static Flow<ByteString, ByteString, NotUsed> session(
      SocketServices services, SocketSession session, SessionSignals signals) {
    FrameDecoder decoder = new FrameDecoder(services.socket.maxFrameBytes(), services.parser);
    return Flow.<ByteString>create()
        .idleTimeout(services.socket.idleTimeout())
        .map(Optional::of)
        .concat(Source.single(Optional.<ByteString>empty()))
        .mapConcat(chunk -> chunk.map(decoder::feed).orElseGet(decoder::finish))
        .map(Optional::of)
        // The deadline is a message of its own, handled in turn with the client's, so a HELLO under
        // way when it passes is answered first. It never completes, so the session ends with the
        // client's side.
        .merge(
            Source.single(Optional.<Inbound>empty())
                .initialDelay(services.socket.helloTimeout())
                .concat(Source.never()),
            true)
        .mapAsync(1, inbound -> inbound.map(session::handle).orElseGet(session::helloDeadline))
        .takeWhile(reply -> !reply.end(), true)
        .mapConcat(SocketSession.Reply::frames)
        .recoverWithRetries(
            1,
            TimeoutException.class,
            () ->
                Source.from(
                    session
                        .error(
                            Refusal.fatal(
                                Refusal.IDLE_TIMEOUT,
                                "nothing was received for "
                                    + services.socket.idleTimeout().toSeconds()
                                    + " s; a session that only listens sends PING (the Java client does) or "
                                    + "ben.ingest.socket.idle-timeout is raised"))
                        .frames()))
        // The session ends when its client's side does; signals waiting then are not written.
        .merge(signals.frames(), true)
        .watchTermination(
            (notUsed, done) -> {
              // The slot is given back first: stopping the signals may find their queue already
              // cancelled.
              done.whenComplete(
                  (ok, failure) -> {
                    services.admission.left(session.peer(), session.authenticated());
                    services.counters.closed();
                    signals.stop();
                  });
              return NotUsed.getInstance();
            });
  }

  private static Flow<ByteString, ByteString, NotUsed> refusedSession(
      SocketServices services, String reason) {
    Refusal refusal = Refusal.fatal(reason, whyRefused(services, reason));
    services.counters.refused(refusal);
    return Flow.fromSinkAndSourceCoupled(
            Sink.<ByteString>ignore(), Source.single(services.writer.error(refusal)))
        .mapMaterializedValue(m -> NotUsed.getInstance());
  }

  private static String whyRefused(SocketServices services, String reason) {
    return reason.equals(Refusal.TOO_MANY_PEER_SESSIONS)
        ? "your address (or this Unix socket) already holds "
            + services.socket.maxSessionsPerPeer()
            + " sessions on this node; close some or raise "
            + "ben.ingest.socket.max-sessions-per-peer"
        : "too many sessions on this node have not said HELLO yet (at most "
            + services.socket.maxPendingPerPeer()
            + " per address or Unix socket, "
            + services.socket.maxPendingSessions()
            + " in all); say HELLO at once after connecting and retry later";
  }
}
