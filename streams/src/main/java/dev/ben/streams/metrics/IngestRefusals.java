package dev.ben.streams.metrics;

/**
 * {@code ben_ingest_refused_total{reason}}: requests to a node's ingest surfaces (HTTP events,
 * invocations over HTTP or gRPC, beacons) refused before any event of theirs was accepted.
 */
public final class IngestRefusals {

  private final MetricsRegistry metrics;

  public IngestRefusals(MetricsRegistry metrics) {
    this.metrics = metrics;
  }

  /** One request refused for {@code reason} (a short label from a bounded set). */
  public void count(String reason) {
    metrics
        .counter(
            "ben_ingest_refused_total",
            "Ingest HTTP requests refused before their body was read, by reason.",
            Labels.of("reason", reason))
        .inc();
  }
}
