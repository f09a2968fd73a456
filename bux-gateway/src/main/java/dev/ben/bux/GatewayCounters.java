package dev.ben.bux;

import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import org.apache.pekko.http.javadsl.model.HttpResponse;

/**
 * An HTTP surface's own series: every answer by route and status, every refusal by reason. The
 * gateway counts under {@code ben_gateway_*}, a node's ops endpoint under {@code ben_ops_*}.
 */
final class GatewayCounters {

  private final MetricsRegistry metrics;
  private final String requests;
  private final String requestsHelp;
  private final String refused;
  private final String refusedHelp;

  private GatewayCounters(
      MetricsRegistry metrics,
      String requests,
      String requestsHelp,
      String refused,
      String refusedHelp) {
    this.metrics = metrics;
    this.requests = requests;
    this.requestsHelp = requestsHelp;
    this.refused = refused;
    this.refusedHelp = refusedHelp;
  }

  static GatewayCounters forGateway(MetricsRegistry metrics) {
    return new GatewayCounters(
        metrics,
        "ben_gateway_requests_total",
        "Gateway HTTP requests by route and status.",
        Refusal.METRIC,
        Refusal.METRIC_HELP);
  }

  static GatewayCounters forOps(MetricsRegistry metrics) {
    return new GatewayCounters(
        metrics,
        "ben_ops_requests_total",
        "Ops endpoint HTTP requests (/health, /metrics) by route and status.",
        "ben_ops_refused_total",
        "Ops endpoint requests refused, by reason.");
  }

  HttpResponse counted(String route, HttpResponse response) {
    metrics
        .counter(
            requests,
            requestsHelp,
            Labels.of("route", route, "status", Integer.toString(response.status().intValue())))
        .inc();
    return response;
  }

  void refused(Refusal refusal) {
    metrics.counter(refused, refusedHelp, Labels.of("reason", refusal.label())).inc();
  }
}
