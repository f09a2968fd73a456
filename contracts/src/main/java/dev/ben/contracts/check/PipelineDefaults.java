package dev.ben.contracts.check;

/**
 * Values a pipeline gets for settings it does not write. One place, so the checker validates
 * exactly what the compiler will emit (for example a written {@code high_watermark} against the
 * default {@code low_watermark}).
 */
public final class PipelineDefaults {
  public static final long BUFFER = 10_000;
  public static final double HIGH_WATERMARK = 0.8;
  public static final double LOW_WATERMARK = 0.5;
  public static final String OVERLOAD = "backpressure";
  public static final long COALESCE = 64;
  public static final long SPINES = 1;
  public static final boolean REPLICA = false;

  /**
   * Keys a detector keeps per instance before evicting the least recently used (with accounting).
   */
  public static final int DETECTOR_MAX_KEYS = 100_000;

  /** Observations an anomaly scorer keeps when the contract gives no {@code window}. */
  public static final int ANOMALY_WINDOW = 128;

  private PipelineDefaults() {}
}
