package dev.ben.config;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The gRPC control API benctl talks to: the ledger's stage, deploy, status and lifecycle calls, how
 * long a call waits for the ledger's answer, and the longest a deploy may ask to wait for its
 * activation on top of that.
 */
public record ControlSettings(Endpoint endpoint, Duration askTimeout, Duration maxDeployWait) {

  public static ControlSettings fromConfig(Config root) {
    ConfigReader reader = new ConfigReader(root, "ben.control");
    return new ControlSettings(
        Endpoint.read(reader),
        reader.positiveDuration("ask-timeout"),
        reader.positiveDuration("max-deploy-wait"));
  }
}
