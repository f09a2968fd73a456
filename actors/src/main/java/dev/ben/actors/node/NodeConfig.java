package dev.ben.actors.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.ben.config.NodeSettings;
import dev.ben.config.Role;
import java.util.HashMap;
import java.util.Map;

/**
 * Derives the node-specific Pekko settings from the validated node settings, so an operator
 * configures the address, seeds and roles once (under ben.node) and Pekko follows.
 */
public final class NodeConfig {

  public static final String SYSTEM_NAME = "ben";

  private NodeConfig() {}

  /**
   * The given configuration with the node's address, seeds and roles laid over its pekko section.
   */
  public static Config withNodeSettings(Config base, NodeSettings node) {
    Map<String, Object> overrides = new HashMap<>();
    overrides.put("pekko.remote.artery.canonical.hostname", node.address().host());
    overrides.put("pekko.remote.artery.canonical.port", node.address().port());
    overrides.put(
        "pekko.cluster.roles", node.roles().stream().map(Role::configName).sorted().toList());
    // Without seeds the guardian joins the node to itself once it knows its bound address (the port
    // may be 0).
    overrides.put(
        "pekko.cluster.seed-nodes",
        node.seeds().stream()
            .map(seed -> "pekko://" + SYSTEM_NAME + "@" + seed.host() + ":" + seed.port())
            .toList());
    return ConfigFactory.parseMap(overrides, "ben.node settings").withFallback(base);
  }
}
