package dev.ben.config;

import com.typesafe.config.Config;

/**
 * Where a node without the gateway role serves /health and /metrics (a gateway node serves them on
 * the gateway's endpoint instead), so every member can be probed and scraped whatever its roles.
 */
public record OpsSettings(Endpoint endpoint) {

  public static OpsSettings fromConfig(Config root) {
    return new OpsSettings(Endpoint.read(new ConfigReader(root, "ben.ops")));
  }
}
