package dev.ben.config;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * How the node looks after the analytical store beyond writing batches: how often the front-end
 * replicas are brought up to date with their tables.
 */
public record StoreSettings(Duration replicaInterval) {

  public static StoreSettings fromConfig(Config root) {
    return new StoreSettings(
        new ConfigReader(root, "ben.store").positiveDuration("replica-interval"));
  }
}
