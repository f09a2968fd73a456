package dev.ben.config;

import com.typesafe.config.Config;
import java.time.Duration;

/** The bux gateway: web UI, ben_api, websocket push, /metrics and /health. */
public record GatewaySettings(Endpoint endpoint, Duration keepAlive, int clientBuffer) {

  public static GatewaySettings fromConfig(Config root) {
    ConfigReader reader = new ConfigReader(root, "ben.gateway");
    return new GatewaySettings(
        Endpoint.read(reader),
        reader.positiveDuration("keep-alive"),
        reader.positiveInt("client-buffer"));
  }
}
