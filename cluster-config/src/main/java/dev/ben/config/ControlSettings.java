package dev.ben.config;

import com.typesafe.config.Config;

/** The gRPC control API benctl talks to: the ledger's stage, deploy, status and lifecycle calls. */
public record ControlSettings(Endpoint endpoint) {

  public static ControlSettings fromConfig(Config root) {
    return new ControlSettings(Endpoint.read(new ConfigReader(root, "ben.control")));
  }
}
