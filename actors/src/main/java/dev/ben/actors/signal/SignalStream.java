package dev.ben.actors.signal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.config.GatewaySettings;
import dev.ben.streams.eventlog.BuiltInComponents;
import dev.ben.streams.eventlog.emit.EventEmitter;
import dev.ben.streams.live.LiveHub;
import dev.ben.streams.metrics.MetricsRegistry;
import java.time.Duration;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.javadsl.model.sse.ServerSentEvent;
import org.apache.pekko.stream.javadsl.Source;

/**
 * One app's signals as server-sent events ({@code event: signal}, the signal as JSON), with a
 * heartbeat every {@code ben.gateway.keep-alive} so idle connections and proxies keep the stream
 * open. A slow reader loses its oldest waiting signals, never slows others. Each signal written to
 * the stream is recorded in the event log as delivered.
 */
public final class SignalStream {

  private final LiveHub<Signal> hub;
  private final SignalJson json;
  private final MetricsRegistry metrics;
  private final int clientBuffer;
  private final Duration heartbeat;
  private final EventEmitter events;

  /** Buffers and heartbeats as the gateway's websocket clients get them. */
  public SignalStream(
      LiveHub<Signal> hub,
      ObjectMapper mapper,
      MetricsRegistry metrics,
      GatewaySettings gateway,
      EventEmitter events) {
    this.hub = hub;
    this.events = events;
    this.json = new SignalJson(mapper);
    this.metrics = metrics;
    this.clientBuffer = gateway.clientBuffer();
    this.heartbeat = gateway.keepAlive();
  }

  public Source<ServerSentEvent, NotUsed> of(String app) {
    return hub.subscribe(clientBuffer)
        .filter(signal -> signal.app().equals(app))
        .map(this::delivered)
        .keepAlive(heartbeat, ServerSentEvent::heartbeat);
  }

  private ServerSentEvent delivered(Signal signal) throws JsonProcessingException {
    ServerSentEvent written = ServerSentEvent.create(json.text(signal), "signal");
    SignalCounters.count(metrics, signal.signal(), "delivered");
    events.emit(BuiltInComponents.SIGNALS, SignalEvents.delivered(signal, "sse"));
    return written;
  }
}
