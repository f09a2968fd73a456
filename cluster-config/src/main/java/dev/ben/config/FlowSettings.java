package dev.ben.config;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * Bounds of the data path: per-stage buffers, how the store sink batches, and how many bytes of
 * batches may wait on disk (per pipeline) while the store is down, and in the Lucius scrub queue;
 * and where a pipeline's graph has asynchronous boundaries besides the one before the spine.
 */
public record FlowSettings(
    int stageBuffer,
    int storeBatchSize,
    Duration storeBatchInterval,
    long spillMaxBytes,
    long scrubQueueMaxBytes,
    boolean boundaryBeforeDetector,
    boolean boundaryBeforeStore) {

  public static FlowSettings fromConfig(Config root) {
    ConfigReader reader = new ConfigReader(root, "ben.flow");
    return new FlowSettings(
        reader.positiveInt("stage-buffer"),
        reader.positiveInt("store-batch-size"),
        reader.positiveDuration("store-batch-interval"),
        reader.positiveBytes("spill-max-bytes"),
        reader.positiveBytes("scrub-queue-max-bytes"),
        reader.bool("boundary-before-detector"),
        reader.bool("boundary-before-store"));
  }
}
