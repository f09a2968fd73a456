package dev.ben.config;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * How the node restarts what failed (actors, and streams talking to other servers): after {@code
 * minBackoff}, doubling at each failure up to {@code maxBackoff}, each pause lengthened by up to
 * {@code randomFactor} of itself so that many restarts do not hit a server at the same instant.
 */
public record SupervisionSettings(Duration minBackoff, Duration maxBackoff, double randomFactor) {

  /** Reads {@code ben.supervision}. */
  public static SupervisionSettings fromConfig(Config root) {
    ConfigReader reader = new ConfigReader(root, "ben.supervision");
    Duration min = reader.positiveDuration("min-backoff");
    Duration max = reader.positiveDuration("max-backoff");
    if (max.compareTo(min) < 0) {
      throw reader.invalid(
          "max-backoff",
          "must not be shorter than min-backoff ("
              + min.toMillis()
              + " ms), got "
              + max.toMillis()
              + " ms");
    }
    return new SupervisionSettings(min, max, reader.fraction("random-factor"));
  }
}
