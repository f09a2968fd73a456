package dev.ben.actors.sidecar;

import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.HttpResponse;

/**
 * Counts every ingest answer by route and status in {@code ben_ingest_requests_total}, so refusals
 * show on the dashboards as well as to the caller, and requests refused for their key (or site) in
 * {@code ben_ingest_refused_total{reason}}.
 */
final class IngestRequestCounts {

  private final MetricsRegistry metrics;

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

  void count(String route, int status) {
    metrics
        .counter(
            "ben_ingest_requests_total",
            "Ingest HTTP requests by route and status.",
            Labels.of("route", route, "status", Integer.toString(status)))
        .increment();
  }

  void refused(String reason) {
    metrics
        .counter(
            "ben_ingest_refused_total",
            "Ingest HTTP requests refused before their body was read, by reason.",
            Labels.of("reason", reason))
        .increment();
  }
}
