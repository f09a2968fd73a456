package dev.ben.bux;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.config.GatewaySettings;
import java.time.Duration;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * One websocket client's flow. Out: live events (from the client's own drop-oldest buffer, so a
 * slow client only loses its own oldest events and never slows the hub), a counters frame and a
 * keep-alive frame, each at its configured interval (ticks are skipped, not queued, while the
 * client is slow). In: drained and ignored, because ben_api is read-only. The socket closes when
 * the session that opened it expires, so a page cannot outlive its login by keeping its socket
 * open.
 */
final class LiveSocket {

  private static final String KEEP_ALIVE = "{\"type\":\"keepalive\"}";

  private final GatewaySettings settings;
  private final GatewayPorts ports;
  private final ObjectMapper mapper;
  private final Materializer materializer;

  LiveSocket(
      GatewaySettings settings,
      GatewayPorts ports,
      ObjectMapper mapper,
      Materializer materializer) {
    this.settings = settings;
    this.ports = ports;
    this.mapper = mapper;
    this.materializer = materializer;
  }

  /** A client's flow, closed after {@code lifetime} (what is left of its session). */
  Flow<Message, Message, NotUsed> flow(Duration lifetime) {
    Source<String, NotUsed> counters =
        Source.tick(Duration.ZERO, settings.countersInterval(), NotUsed.getInstance())
            .map(
                tick ->
                    CountersMessage.render(
                        mapper, ports.metrics(), ports.live(), System.currentTimeMillis()))
            .mapMaterializedValue(cancellable -> NotUsed.getInstance());
    Source<String, NotUsed> keepAlive =
        Source.tick(settings.keepAlive(), settings.keepAlive(), KEEP_ALIVE)
            .mapMaterializedValue(cancellable -> NotUsed.getInstance());
    Source<Message, NotUsed> out =
        ports
            .live()
            .subscribe(settings.clientBuffer())
            .merge(counters)
            .merge(keepAlive)
            .takeWithin(lifetime)
            .map(TextMessage::create);
    return Flow.fromSinkAndSourceCoupled(Sink.<Message>foreach(this::drain), out);
  }

  private void drain(Message message) {
    if (message.isText()) {
      message.asTextMessage().getStreamedText().runWith(Sink.ignore(), materializer);
    } else {
      message.asBinaryMessage().getStreamedData().runWith(Sink.ignore(), materializer);
    }
  }
}
