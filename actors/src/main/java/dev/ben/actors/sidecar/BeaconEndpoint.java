package dev.ben.actors.sidecar;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.actors.pipeline.PipelineDirectory;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.metrics.StageCounters.Outcome;
import dev.ben.streams.sidecar.EventIds;
import dev.ben.streams.sidecar.EventParser;
import dev.ben.streams.sidecar.IngestReport;
import dev.ben.streams.sidecar.beacon.CombinedLogLine;
import dev.ben.streams.sidecar.beacon.PreAnonymiser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.stream.javadsl.Source;

/**
 * Web beacons and server logs (docs/http-sidecar.md). A beacon ({@code GET} with query parameters,
 * or {@code POST} with one JSON object as browsers' {@code sendBeacon} sends it) is answered {@code
 * 204} as soon as it is handed to the pipeline; {@code POST /api/v1/beacon/log} takes
 * combined-format log lines and answers what it accepted and refused, line by line. Either way
 * every event is pre-anonymised before it enters the pipeline: the address keeps its network only
 * and the visitor becomes the day's keyed hash.
 */
final class BeaconEndpoint {

  private final IngestContext ingest;

  private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");

  private final PreAnonymiser anonymiser;

  BeaconEndpoint(IngestContext ingest, PreAnonymiser anonymiser) {
    this.ingest = ingest;
    this.anonymiser = anonymiser;
  }

  /** A beacon from query parameters; numbers are sent as numbers, everything else as text. */
  CompletionStage<HttpResponse> fromQuery(
      String pipeline, String app, Map<String, String> query, String clientIp, String userAgent) {
    ObjectNode event = ingest.mapper().createObjectNode();
    query.forEach(
        (name, value) -> {
          if (!name.equals("pipeline") && !name.equals("app") && !name.equals("site")) {
            if (INTEGER.matcher(value).matches()) {
              event.put(name, Long.parseLong(value));
            } else {
              event.put(name, value);
            }
          }
        });
    return beacon(pipeline, app, event, clientIp, userAgent);
  }

  /** A beacon posted as one JSON object. */
  CompletionStage<HttpResponse> fromBody(
      String pipeline, String app, byte[] body, String clientIp, String userAgent) {
    var parsed =
        new EventParser(ingest.mapper(), ingest.settings().maxLineBytes())
            .parseOne(body, pipeline, app, 0);
    if (parsed instanceof EventParser.Accepted accepted) {
      return beacon(pipeline, app, accepted.envelope().body(), clientIp, userAgent);
    }
    if (!(parsed instanceof EventParser.Refused refused)) {
      return done(
          ingest.responses().error(StatusCodes.BAD_REQUEST, "a posted beacon is one JSON object"));
    }
    HttpResponse answer =
        ingest
            .responses()
            .error(
                StatusCodes.BAD_REQUEST, "a posted beacon is one JSON object: " + refused.detail());
    // Counted with its reason where the pipeline runs, as a refused line of /events is.
    return ingest
        .lookup(pipeline)
        .thenApply(
            found -> {
              found
                  .ingress()
                  .ifPresent(i -> i.sidecarCounters().count(Outcome.REFUSED, refused.reason()));
              return answer;
            });
  }

  /** Server log lines in the combined format, one per line. */
  CompletionStage<HttpResponse> fromLog(String pipeline, String app, byte[] body) {
    List<ObjectNode> events = new ArrayList<>();
    List<EventParser.Refused> refusals = new ArrayList<>();
    String[] lines = new String(body, StandardCharsets.UTF_8).split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      try {
        events.add(anonymise(CombinedLogLine.parse(lines[i])));
      } catch (CombinedLogLine.Malformed e) {
        refusals.add(new EventParser.Refused(i + 1, "malformed_log_line", e.getMessage()));
      }
    }
    return send(
        pipeline,
        app,
        events,
        ingress -> {
          refusals.forEach(r -> ingress.sidecarCounters().count(Outcome.REFUSED, r.reason()));
          List<EventParser.Refused> listed =
              refusals.subList(0, Math.min(refusals.size(), IngestReport.MAX_LISTED_REFUSALS));
          return ingest
              .responses()
              .report(pipeline, new IngestReport(events.size(), refusals.size(), listed, 0));
        });
  }

  private CompletionStage<HttpResponse> beacon(
      String pipeline, String app, ObjectNode event, String clientIp, String userAgent) {
    // The sender cannot choose the address it is counted under: a browser can write anything.
    if (clientIp != null) {
      event.put("client_ip", clientIp);
    }
    if (!event.has("user_agent") && userAgent != null) {
      event.put("user_agent", userAgent);
    }
    if (!event.has("ts")) {
      event.put("ts", Instant.now().toString());
    }
    return send(
        pipeline,
        app,
        List.of(anonymise(event)),
        ingress -> HttpResponse.create().withStatus(StatusCodes.NO_CONTENT));
  }

  private ObjectNode anonymise(ObjectNode event) {
    return anonymiser.apply(event, LocalDate.now(ZoneOffset.UTC));
  }

  /**
   * Logs the events in the node's ingest log, hands them to the pipeline (without waiting for them
   * to be processed) and answers: an answer means they survive a crash, as every ingest answer
   * does.
   */
  private CompletionStage<HttpResponse> send(
      String pipeline,
      String app,
      List<ObjectNode> events,
      Function<PipelineDirectory.Ingress, HttpResponse> answer) {
    return ingest
        .lookup(pipeline)
        .thenCompose(
            found ->
                found
                    .ingress()
                    .map(ingress -> logged(ingress, envelopes(pipeline, app, events), answer))
                    .orElseGet(
                        () -> done(ingest.responses().unknownPipeline(pipeline, found.running()))));
  }

  private static List<Envelope> envelopes(String pipeline, String app, List<ObjectNode> events) {
    long now = System.currentTimeMillis();
    return events.stream()
        .map(event -> new Envelope(EventIds.next(), pipeline, app, now, event))
        .toList();
  }

  private CompletionStage<HttpResponse> logged(
      PipelineDirectory.Ingress ingress,
      List<Envelope> envelopes,
      Function<PipelineDirectory.Ingress, HttpResponse> answer) {
    return ingress
        .log()
        .append(envelopes)
        .handle(
            (logged, refused) -> {
              if (refused != null) {
                return ingest.responses().notLogged(ingress, refused);
              }
              ingress.sidecarCounters().accepted(logged.size());
              if (!logged.isEmpty()) {
                Source.single(logged).runWith(ingress.sink(), ingest.system());
              }
              return answer.apply(ingress);
            });
  }

  private static CompletionStage<HttpResponse> done(HttpResponse response) {
    return java.util.concurrent.CompletableFuture.completedFuture(response);
  }
}
