package dev.ben.bux;

import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import org.apache.pekko.http.javadsl.model.HttpResponse;

/** The gateway's own series: every answer by route and status, every refusal by reason. */
final class GatewayCounters {

  private final MetricsRegistry metrics;

  GatewayCounters(MetricsRegistry metrics) {
    this.metrics = metrics;
  }

  HttpResponse counted(String route, HttpResponse response) {
    metrics
        .counter(
            "ben_gateway_requests_total",
            "Gateway HTTP requests by route and status.",
            Labels.of("route", route, "status", Integer.toString(response.status().intValue())))
        .increment();
    return response;
  }

  void refused(Refusal refusal) {
    metrics
        .counter(Refusal.METRIC, Refusal.METRIC_HELP, Labels.of("reason", refusal.label()))
        .increment();
  }
}
