package dev.ben.actors.sidecar.socket;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.actors.pipeline.PipelineDirectory;
import dev.ben.actors.signal.Signal;
import dev.ben.actors.signal.SignalDeliveries;
import dev.ben.actors.signal.SignalJson;
import dev.ben.config.IngestSettings;
import dev.ben.config.SocketSettings;
import dev.ben.streams.auth.AppKeyCheck;
import dev.ben.streams.eventlog.emit.EventEmitter;
import dev.ben.streams.live.LiveHub;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.sidecar.NdjsonIngest;
import dev.ben.streams.sidecar.socket.FrameWriter;
import dev.ben.streams.sidecar.socket.PayloadParser;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.Materializer;

/**
 * What every session of a node shares: settings, the directory, the signal hub, the writers, the
 * counters, the admission of sessions, the check of apps' keys and the record of signals' fates.
 */
final class SocketServices {

  final IngestSettings ingest;
  final SocketSettings socket;
  final Materializer materializer;
  final MetricsRegistry metrics;
  final LiveHub<Signal> signals;
  final SignalJson signalJson;
  final SignalDeliveries deliveries;
  final FrameWriter writer;
  final PayloadParser parser;
  final SocketCounters counters;
  final SessionAdmission admission;
  final AppKeyCheck keys;
  private final ActorRef<PipelineDirectory.Command> directory;
  private final ActorSystem<?> system;
  private final ObjectMapper mapper;

  SocketServices(
      IngestSettings ingest,
      ActorRef<PipelineDirectory.Command> directory,
      ActorSystem<?> system,
      ObjectMapper mapper,
      MetricsRegistry metrics,
      LiveHub<Signal> signals,
      AppKeyCheck keys,
      EventEmitter events) {
    this.ingest = ingest;
    this.socket = ingest.socket();
    this.directory = directory;
    this.system = system;
    this.materializer = Materializer.matFromSystem(system);
    this.mapper = mapper;
    this.metrics = metrics;
    this.signals = signals;
    this.signalJson = new SignalJson(mapper);
    this.deliveries = new SignalDeliveries(metrics, events, "socket");
    this.writer = new FrameWriter(mapper);
    this.parser = new PayloadParser(mapper);
    this.counters = new SocketCounters(metrics);
    this.admission = new SessionAdmission(socket);
    this.keys = keys;
  }

  /**
   * Asked per batch, as the HTTP path asks per request, so a restarted pipeline's new ingress is
   * found.
   */
  CompletionStage<PipelineDirectory.LookupResult> lookup(String pipeline) {
    return PipelineDirectory.lookup(directory, pipeline, system);
  }

  /**
   * The HTTP path's NDJSON ingest, with its limits, into this pipeline's sidecar counters and
   * through its ingest log (a batch is acked once the log holds it, and with {@code ben.ingest.ack
   * = stored} once its events reached their outcome or the ack timeout passed).
   */
  NdjsonIngest ndjson(PipelineDirectory.Ingress ingress) {
    return new NdjsonIngest(
        mapper,
        ingest.maxLineBytes(),
        ingest.offerTimeout(),
        ingress.sidecarCounters(),
        ingress.log());
  }
}
