package dev.ben.config;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * What one HTTP listener (ingest, gateway) allows a client before it has been served: how many
 * connections it serves at once and how many of them one client address may hold, how long a
 * request's headers may take to arrive however slowly they trickle, and the least a client must
 * deliver of a request body in every {@code bodyWindow} the server spends waiting for it.
 */
public record ConnectionLimits(
    int maxConnections,
    int maxPerAddress,
    Duration headerTimeout,
    long minBodyRate,
    Duration bodyWindow) {

  /** Reads {@code <listener>.connections}, such as {@code ben.ingest.connections}. */
  static ConnectionLimits fromConfig(Config root, String listener) {
    ConfigReader reader = new ConfigReader(root, listener + ".connections");
    int max = reader.positiveInt("max");
    int perAddress = reader.positiveInt("max-per-address");
    if (perAddress > max) {
      throw reader.invalid("max-per-address", "must not exceed max (" + max + ")");
    }
    return new ConnectionLimits(
        max,
        perAddress,
        reader.positiveDuration("header-timeout"),
        reader.positiveBytes("min-body-rate"),
        reader.positiveDuration("body-window"));
  }
}
