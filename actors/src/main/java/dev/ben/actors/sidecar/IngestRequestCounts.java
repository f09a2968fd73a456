package dev.ben.actors.sidecar;

import dev.ben.streams.metrics.Buckets;
import dev.ben.streams.metrics.IngestRefusals;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.http.javadsl.model.HttpResponse;

/**
 * Counts every ingest answer by route and status in {@code ben_ingest_requests_total}, so refusals
 * show on the dashboards as well as to the caller; requests refused before their body is read (for
 * their key or site, their body's type or encoding, a declared length over the limit) in {@code
 * ben_ingest_refused_total{reason}}; and requests whose body stopped part-way in {@code
 * ben_ingest_cut_short_total{route,reason}}; how long each took in {@code
 * ben_ingest_request_seconds{route}}. Reasons are words from fixed sets, never free text.
 */
final class IngestRequestCounts {

  static final String DURATION = "ben_ingest_request_seconds";

  private final MetricsRegistry metrics;
  private final Map<String, DistributionDataPoint> durations = new ConcurrentHashMap<>();
  private final Map<RouteStatus, CounterDataPoint> requests = new ConcurrentHashMap<>();

  private record RouteStatus(String route, int status) {}

  IngestRequestCounts(MetricsRegistry metrics) {
    this.metrics = metrics;
  }

  CompletionStage<HttpResponse> counted(String route, CompletionStage<HttpResponse> response) {
    return response.thenApply(r -> counted(route, r));
  }

  HttpResponse counted(String route, HttpResponse response) {
    count(route, response.status().intValue());
    return response;
  }

  /** The series of each route and status is looked up once and kept (there are few of each). */
  void count(String route, int status) {
    RouteStatus key = new RouteStatus(route, status);
    CounterDataPoint series = requests.get(key);
    if (series == null) {
      series =
          requests.computeIfAbsent(
              key,
              k ->
                  metrics.counter(
                      "ben_ingest_requests_total",
                      "Ingest HTTP requests by route and status.",
                      Labels.of("route", k.route(), "status", Integer.toString(k.status()))));
    }
    series.inc();
  }

  /**
   * Requests whose body stopped before its end ({@code too_large}, {@code unreadable}); their
   * events up to there were accepted or refused and are counted with the pipeline's.
   */
  void cutShort(String route, String reason) {
    metrics
        .counter(
            "ben_ingest_cut_short_total",
            "Ingest HTTP requests whose body stopped before its end, by route and reason.",
            Labels.of("route", route, "reason", reason))
        .inc();
  }

  /**
   * {@value #DURATION}{route}: from the request's arrival at its route to its answer; {@code route}
   * is one of the routes' fixed names.
   */
  void took(String route, long startNanos) {
    DistributionDataPoint series = durations.get(route);
    if (series == null) {
      series =
          durations.computeIfAbsent(
              route,
              r ->
                  metrics.histogram(
                      DURATION,
                      "Ingest HTTP request duration, from arrival to answer, by route.",
                      Labels.of("route", r),
                      Buckets.CALL_SECONDS));
    }
    series.observe(Buckets.secondsSince(startNanos));
  }

  void refused(String reason) {
    new IngestRefusals(metrics).count(reason);
  }
}
