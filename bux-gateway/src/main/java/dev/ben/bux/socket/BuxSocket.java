package dev.ben.bux.socket;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.config.GatewaySettings;
import dev.ben.config.WebSocketSettings;
import dev.ben.streams.auth.Principal;
import dev.ben.streams.live.LiveHub;
import dev.ben.streams.metrics.MetricsRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.SharedKillSwitch;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.MergeHub;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The gateway's websocket, protocol v1: one flow per client. Out: the welcome frame, then one merge
 * of the client's subscriptions, replies and error frames, with a keep-alive frame every {@code
 * keep-alive} (skipped, not queued, while the client is slow); the socket closes when the session
 * that opened it expires. In: each frame read whole within the socket's bounds and handed to the
 * client's {@link SocketSession}. Stream topics are shared by every client of the gateway.
 */
public final class BuxSocket {

  static final List<String> METHODS = List.of("testbench");

  /** A frame waiting in the client's merge, per subscription. */
  private static final int PER_SUBSCRIPTION_BUFFER = 16;

  /** What every client's session shares. */
  record Shared(
      WebSocketSettings limits,
      TopicCatalog topics,
      FrameRules rules,
      TestBench testBench,
      ServerFrames frames,
      ObjectMapper mapper) {}

  private final Shared shared;
  private final FrameReader reader;
  private final Duration keepAlive;
  private final LongSupplier clock;

  /** {@code blocking} runs the test bench's compiling and running. */
  public BuxSocket(
      GatewaySettings settings,
      LiveHub<String> live,
      MetricsRegistry metrics,
      TopicPorts ports,
      BundleReads bundles,
      ObjectMapper mapper,
      Materializer materializer,
      Executor blocking) {
    this.clock = System::currentTimeMillis;
    WebSocketSettings limits = settings.socket();
    TopicCatalog topics =
        TopicCatalog.standard(settings, live, metrics, ports, mapper, materializer, clock);
    this.shared =
        new Shared(
            limits,
            topics,
            topics.rules(METHODS, limits.maxSubIdChars()),
            new TestBench(limits, bundles, blocking),
            new ServerFrames(mapper),
            mapper);
    this.reader = new FrameReader(limits.maxFrameBytes(), limits.frameTimeout());
    this.keepAlive = settings.keepAlive();
  }

  /**
   * The flow of one client logged in as {@code principal}, closed after {@code lifetime} (what is
   * left of its session); {@code badFrame} counts each frame refused.
   */
  public Flow<Message, Message, NotUsed> flow(
      Principal principal, Duration lifetime, Runnable badFrame) {
    return Flow.fromMaterializer(
            (materializer, attributes) -> connect(principal, lifetime, badFrame, materializer))
        .mapMaterializedValue(done -> NotUsed.getInstance());
  }

  private Flow<Message, Message, NotUsed> connect(
      Principal principal, Duration lifetime, Runnable badFrame, Materializer materializer) {
    Pair<Sink<ServerFrames.Out, NotUsed>, Source<ServerFrames.Out, NotUsed>> merge =
        MergeHub.of(ServerFrames.Out.class, PER_SUBSCRIPTION_BUFFER).preMaterialize(materializer);
    SharedKillSwitch closer = KillSwitches.shared("bux-socket");
    SocketSession session =
        new SocketSession(shared, badFrame, merge.first(), closer, materializer);
    Source<ServerFrames.Out, NotUsed> keepAlives =
        Source.tick(keepAlive, keepAlive, NotUsed.getInstance())
            .map(tick -> shared.frames().keepAlive(clock.getAsLong()))
            .mapMaterializedValue(cancellable -> NotUsed.getInstance());
    Source<Message, NotUsed> outgoing =
        Source.single(session.welcome(principal))
            .concat(merge.second().merge(keepAlives))
            .via(closer.flow())
            .takeWhile(frame -> !frame.closing(), true)
            .takeWithin(lifetime)
            .map(frame -> (Message) TextMessage.create(frame.json()))
            .watchTermination(
                (notUsed, done) -> {
                  done.whenComplete((ended, failure) -> session.close());
                  return notUsed;
                });
    Sink<Message, NotUsed> incoming =
        Flow.<Message>create()
            .mapAsync(1, message -> reader.read(message, materializer))
            .to(Sink.foreach(frame -> session.received(frame.text(), frame.refusal())));
    return Flow.fromSinkAndSourceCoupled(incoming, outgoing);
  }
}
