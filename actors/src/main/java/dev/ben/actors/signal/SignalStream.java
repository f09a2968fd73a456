package dev.ben.actors.signal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.live.LiveHub;
import dev.ben.streams.metrics.MetricsRegistry;
import java.time.Duration;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.javadsl.model.sse.ServerSentEvent;
import org.apache.pekko.stream.javadsl.Source;

/**
 * One app's signals as server-sent events ({@code event: signal}, the signal as JSON), with a
 * heartbeat so idle connections and proxies keep the stream open. A slow reader loses its oldest
 * waiting signals, never slows others.
 */
public final class SignalStream {

  private static final Duration HEARTBEAT = Duration.ofSeconds(15);

  private final LiveHub<Signal> hub;
  private final SignalJson json;
  private final MetricsRegistry metrics;
  private final int clientBuffer;

  public SignalStream(
      LiveHub<Signal> hub, ObjectMapper mapper, MetricsRegistry metrics, int clientBuffer) {
    this.hub = hub;
    this.json = new SignalJson(mapper);
    this.metrics = metrics;
    this.clientBuffer = clientBuffer;
  }

  public Source<ServerSentEvent, NotUsed> of(String app) {
    return hub.subscribe(clientBuffer)
        .filter(signal -> signal.app().equals(app))
        .map(
            signal -> {
              SignalCounters.count(metrics, signal.signal(), "delivered");
              return ServerSentEvent.create(json.text(signal), "signal");
            })
        .keepAlive(HEARTBEAT, ServerSentEvent::heartbeat);
  }
}
