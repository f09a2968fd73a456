package dev.ben.config;

import com.typesafe.config.Config;
import java.time.Duration;

/** Bounds of the data path: per-stage buffers and how the store sink batches. */
public record FlowSettings(int stageBuffer, int storeBatchSize, Duration storeBatchInterval) {

  public static FlowSettings fromConfig(Config root) {
    ConfigReader reader = new ConfigReader(root, "ben.flow");
    return new FlowSettings(
        reader.positiveInt("stage-buffer"),
        reader.positiveInt("store-batch-size"),
        reader.positiveDuration("store-batch-interval"));
  }
}
