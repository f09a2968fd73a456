package dev.ben.actors.sidecar.socket;

import dev.ben.actors.pipeline.PipelineDirectory;
import dev.ben.streams.auth.AppKeyCheck;
import dev.ben.streams.sidecar.socket.FrameWriter;
import dev.ben.streams.sidecar.socket.Inbound;
import dev.ben.streams.sidecar.socket.Refusal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;

/**
 * What one session does with each message its client sends, in order (the flow hands it one message
 * at a time and waits for the answer, which is what makes a batch's ingest backpressure the
 * connection). A session must say HELLO first, with its app's key (the key decides the app; a HELLO
 * without a valid one ends the session); on a pipeline's Unix socket the HELLO may leave the
 * pipeline out. Only a fatal refusal or BYE ends it: every other refusal is answered with an ERROR
 * and the session goes on.
 */
final class SocketSession {

  /** Frames to write, and whether the session ends after them. */
  record Reply(List<ByteString> frames, boolean end) {}

  private final SocketServices services;
  private final SessionSignals signals;
  private final Optional<String> socketPipeline;
  private final String peer;
  private final String id = UUID.randomUUID().toString();
  private volatile boolean authenticated;
  private String app;
  private String pipeline;

  /**
   * @param socketPipeline the pipeline whose Unix socket this session came in on; empty on TCP
   */
  SocketSession(
      SocketServices services,
      SessionSignals signals,
      Optional<String> socketPipeline,
      String peer) {
    this.services = services;
    this.signals = signals;
    this.socketPipeline = socketPipeline;
    this.peer = peer;
  }

  String peer() {
    return peer;
  }

  /** Whether the session holds one of the node's places for sessions past HELLO. */
  boolean authenticated() {
    return authenticated;
  }

  /** The hello timeout passed: a session that has not said a valid HELLO by now is ended. */
  CompletionStage<Reply> helloDeadline() {
    return done(
        authenticated
            ? new Reply(List.of(), false)
            : error(SessionRefusals.helloTimeout(services.socket.helloTimeout())));
  }

  CompletionStage<Reply> handle(Inbound inbound) {
    if (inbound instanceof Inbound.Hello hello) {
      return hello(hello);
    }
    if (inbound instanceof Inbound.Events events) {
      return events(events);
    }
    if (inbound instanceof Inbound.SignalAck ack) {
      return done(
          signals.acked(ack.id())
              ? new Reply(List.of(), false)
              : error(
                  Refusal.of(
                      Refusal.UNKNOWN_SIGNAL,
                      "no signal with id "
                          + ack.id()
                          + " awaits an ack in this session (acked twice, or older than the last "
                          + SessionSignals.REMEMBERED
                          + " delivered)")));
    }
    if (inbound instanceof Inbound.Refused refused) {
      return done(error(refused.refusal()));
    }
    return done(
        inbound == Inbound.Ping.INSTANCE
            ? new Reply(List.of(FrameWriter.pong()), false)
            : new Reply(List.of(FrameWriter.bye()), true));
  }

  /**
   * The ERROR frame for {@code refusal}, counted; the session ends after it when the refusal is
   * fatal.
   */
  Reply error(Refusal refusal) {
    services.counters.refused(refusal);
    return new Reply(List.of(services.writer.error(refusal)), refusal.fatal());
  }

  private CompletionStage<Reply> hello(Inbound.Hello hello) {
    if (app != null) {
      return done(
          error(
              Refusal.of(
                  Refusal.HELLO_REPEATED,
                  "this session already said HELLO as app `"
                      + app
                      + "` for pipeline `"
                      + pipeline
                      + "`; open another session for another app or pipeline")));
    }
    return services
        .keys
        .check(hello.key(), hello.app())
        .thenCompose(
            outcome ->
                outcome instanceof AppKeyCheck.Accepted accepted
                    ? open(hello, accepted.app().name())
                    : done(error(SessionRefusals.keyRefusal((AppKeyCheck.Refused) outcome))))
        .exceptionally(
            failure ->
                error(
                    Refusal.fatal(
                        Refusal.KEY_CHECK_FAILED,
                        "the node could not read the app's key from its identity store ("
                            + cause(failure).getMessage()
                            + "); connect again shortly")));
  }

  /** The key was good: the session opens if its pipeline runs here. */
  private CompletionStage<Reply> open(Inbound.Hello hello, String keyApp) {
    if (socketPipeline.isPresent()
        && hello.pipeline().filter(p -> !p.equals(socketPipeline.get())).isPresent()) {
      return done(
          error(
              Refusal.of(
                  Refusal.WRONG_PIPELINE,
                  "this Unix socket belongs to pipeline `"
                      + socketPipeline.get()
                      + "`, the HELLO named `"
                      + hello.pipeline().get()
                      + "`; leave the pipeline out or "
                      + "connect to that pipeline's socket")));
    }
    Optional<String> named = hello.pipeline().or(() -> socketPipeline);
    if (named.isEmpty()) {
      return done(
          error(
              Refusal.of(
                  Refusal.UNKNOWN_PIPELINE,
                  "a TCP session's HELLO must name its pipeline: "
                      + "{\"protocol\":1,\"key\":\"ben_app_...\",\"pipeline\":\"NAME\"}")));
    }
    return welcome(keyApp, named.get());
  }

  private CompletionStage<Reply> welcome(String keyApp, String named) {
    return services
        .lookup(named)
        .thenApply(
            found -> {
              if (found.ingress().isEmpty()) {
                return error(
                    SessionRefusals.unknownPipeline(named, found.running(), Optional.empty()));
              }
              if (!services.admission.authenticate(peer)) {
                return error(SessionRefusals.tooManySessions(services.admission.maxSessions()));
              }
              authenticated = true;
              app = keyApp;
              pipeline = named;
              signals.follow(app);
              return new Reply(
                  List.of(
                      services.writer.welcome(
                          id,
                          app,
                          pipeline,
                          services.socket.maxFrameBytes(),
                          services.socket.idleTimeout())),
                  false);
            })
        .exceptionally(
            failure ->
                error(
                    Refusal.of(
                        Refusal.UNKNOWN_PIPELINE,
                        "the node did not find pipeline `"
                            + named
                            + "` in time ("
                            + cause(failure).getMessage()
                            + "); say HELLO again")));
  }

  private CompletionStage<Reply> events(Inbound.Events events) {
    if (app == null) {
      return done(
          error(
              Refusal.ofBatch(
                  events.seq(),
                  Refusal.HELLO_REQUIRED,
                  "batch "
                      + events.seq()
                      + " came before HELLO; say HELLO (and wait for WELCOME) before sending events")));
    }
    return services
        .lookup(pipeline)
        .thenCompose(
            found ->
                found
                    .ingress()
                    .map(ingress -> ingest(events, ingress))
                    .orElseGet(
                        () ->
                            done(
                                error(
                                    SessionRefusals.unknownPipeline(
                                        pipeline, found.running(), Optional.of(events.seq()))))))
        .exceptionally(
            failure ->
                error(
                    Refusal.ofBatch(
                        events.seq(),
                        Refusal.INGEST_FAILED,
                        "batch "
                            + events.seq()
                            + " was not read: the node did not find pipeline `"
                            + pipeline
                            + "` in time ("
                            + cause(failure).getMessage()
                            + "); resend it")));
  }

  private CompletionStage<Reply> ingest(Inbound.Events events, PipelineDirectory.Ingress ingress) {
    return services
        .ndjson(ingress)
        .ingestBatches(
            Source.single(events.ndjson()), pipeline, app, ingress.sink(), services.materializer)
        .handle(
            (report, failure) ->
                failure == null
                    ? new Reply(List.of(services.writer.ack(events.seq(), report)), false)
                    : error(
                        Refusal.ofBatch(
                            events.seq(),
                            Refusal.INGEST_FAILED,
                            "batch "
                                + events.seq()
                                + " could not be handed to pipeline `"
                                + pipeline
                                + "` ("
                                + cause(failure).getMessage()
                                + "); resend it")));
  }

  private static Throwable cause(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }

  private static CompletionStage<Reply> done(Reply reply) {
    return CompletableFuture.completedFuture(reply);
  }
}
