package dev.ben.streams.metrics;

import io.prometheus.metrics.core.datapoints.DistributionDataPoint;

/**
 * {@code ben_stage_batch_seconds{pipeline,stage}}: how long a stage worked on one batch (a detector
 * round, a store batch). Timed per batch, never per event, so the hot path reads no clock.
 */
public final class StageLatency {

  public static final String FAMILY = "ben_stage_batch_seconds";
  private static final String HELP = "Time a data-path stage spent on one batch, by stage.";

  private StageLatency() {}

  /** The series of one stage of one pipeline; keep it, as a counter handle. */
  public static DistributionDataPoint of(MetricsRegistry metrics, String pipeline, String stage) {
    return metrics.histogram(
        FAMILY, HELP, Labels.of("pipeline", pipeline, "stage", stage), Buckets.STAGE_SECONDS);
  }

  public static DistributionDataPoint of(StageCounters counters) {
    return of(counters.registry(), counters.pipeline(), counters.stage());
  }
}
