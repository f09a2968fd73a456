package dev.ben.config;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The gRPC control API benctl talks to: the ledger's stage, deploy, status and lifecycle calls, how
 * long a call waits for the ledger's answer, the longest a deploy may ask to wait for its
 * activation on top of that, and what a client may hold of the control port before its first bytes
 * are in ({@code connections}: the caps and the header timeout; the body rate is not applied).
 */
public record ControlSettings(
    Endpoint endpoint, Duration askTimeout, Duration maxDeployWait, ConnectionLimits connections) {

  public static ControlSettings fromConfig(Config root) {
    ConfigReader reader = new ConfigReader(root, "ben.control");
    return new ControlSettings(
        Endpoint.read(reader),
        reader.positiveDuration("ask-timeout"),
        reader.positiveDuration("max-deploy-wait"),
        ConnectionLimits.fromConfig(root, "ben.control"));
  }
}
