package dev.ben.actors.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.ben.actors.node.tls.ClusterTlsProvider;
import dev.ben.config.BenSettings;
import dev.ben.config.ClusterTlsSettings;
import dev.ben.config.NodeSettings;
import dev.ben.config.Role;
import java.util.HashMap;
import java.util.Map;

/**
 * Derives the node-specific Pekko settings from the validated node settings, so an operator
 * configures the address, seeds and roles once (under ben.node), and the cluster's certificates
 * once (under ben.cluster.tls), and Pekko follows.
 */
public final class NodeConfig {

  public static final String SYSTEM_NAME = "ben";

  /**
   * Pekko's RotatingKeysSSLEngineProvider, which reads the PEM files ben.cluster.tls names and
   * trusts only peers whose certificate chains to the cluster's CA, in both directions; wrapped to
   * log the peers it refuses (docs/cluster-tls.md).
   */
  static final String CLUSTER_TLS_PROVIDER = ClusterTlsProvider.class.getName();

  private NodeConfig() {}

  /**
   * The given configuration with the node's address, seeds, roles and cluster certificates laid
   * over its pekko section.
   */
  public static Config withNodeSettings(Config base, BenSettings settings) {
    NodeSettings node = settings.node();
    Map<String, Object> overrides = new HashMap<>();
    clusterTls(settings.clusterTls(), overrides);
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

  /** Artery over mutual TLS: a peer without a certificate from the cluster's CA is refused. */
  private static void clusterTls(ClusterTlsSettings tls, Map<String, Object> overrides) {
    String engine = "pekko.remote.artery.ssl.rotating-keys-engine.";
    overrides.put("pekko.remote.artery.transport", "tls-tcp");
    overrides.put("pekko.remote.artery.ssl.ssl-engine-provider", CLUSTER_TLS_PROVIDER);
    overrides.put(engine + "key-file", tls.privateKeyFile().toAbsolutePath().toString());
    overrides.put(engine + "cert-file", tls.certificateFile().toAbsolutePath().toString());
    overrides.put(engine + "ca-cert-file", tls.caFile().toAbsolutePath().toString());
  }
}
