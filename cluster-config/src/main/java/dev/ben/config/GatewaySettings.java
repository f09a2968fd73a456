package dev.ben.config;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The bux gateway: web UI, ben_api, websocket push (a counters frame every {@code
 * countersInterval}), /metrics and /health.
 */
public record GatewaySettings(
    Endpoint endpoint, Duration keepAlive, int clientBuffer, Duration countersInterval) {

  public static GatewaySettings fromConfig(Config root) {
    ConfigReader reader = new ConfigReader(root, "ben.gateway");
    return new GatewaySettings(
        Endpoint.read(reader),
        reader.positiveDuration("keep-alive"),
        reader.positiveInt("client-buffer"),
        reader.positiveDuration("counters-interval"));
  }
}
