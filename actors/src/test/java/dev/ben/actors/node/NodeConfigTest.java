package dev.ben.actors.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.ben.config.BenSettings;
import org.junit.jupiter.api.Test;

class NodeConfigTest {

  private static Config nodeConfig(String overrides) {
    Config base =
        ConfigFactory.parseString(overrides)
            .withFallback(ConfigFactory.parseString("ben.home = \"/srv/ben\""))
            .withFallback(ConfigFactory.load())
            .resolve();
    return NodeConfig.withNodeSettings(base, BenSettings.fromConfig(base));
  }

  @Test
  void remotingIsMutualTlsWithTheClusterFilesUnderTheHome() {
    Config pekko = nodeConfig("").getConfig("pekko.remote.artery");
    assertEquals("tls-tcp", pekko.getString("transport"));
    assertEquals(NodeConfig.CLUSTER_TLS_PROVIDER, pekko.getString("ssl.ssl-engine-provider"));
    assertEquals(
        "/srv/ben/keys/cluster/node.key", pekko.getString("ssl.rotating-keys-engine.key-file"));
    assertEquals(
        "/srv/ben/keys/cluster/node.crt", pekko.getString("ssl.rotating-keys-engine.cert-file"));
    assertEquals(
        "/srv/ben/keys/cluster/ca.crt", pekko.getString("ssl.rotating-keys-engine.ca-cert-file"));
  }

  @Test
  void configuredClusterFilesArePassedOn() {
    Config engine =
        nodeConfig(
                "ben.cluster.tls { certificate-file = \"/etc/ben/a.crt\","
                    + " private-key-file = \"/etc/ben/a.key\", ca-file = \"/etc/ben/ca.pem\" }")
            .getConfig("pekko.remote.artery.ssl.rotating-keys-engine");
    assertEquals("/etc/ben/a.key", engine.getString("key-file"));
    assertEquals("/etc/ben/a.crt", engine.getString("cert-file"));
    assertEquals("/etc/ben/ca.pem", engine.getString("ca-cert-file"));
  }

  @Test
  void seedsBecomePekkoSeedNodes() {
    assertEquals(
        java.util.List.of("pekko://ben@10.0.0.1:25520"),
        nodeConfig("ben.node.seeds = [\"10.0.0.1:25520\"]")
            .getStringList("pekko.cluster.seed-nodes"));
  }
}
