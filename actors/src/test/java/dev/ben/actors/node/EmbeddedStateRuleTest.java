package dev.ben.actors.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.ben.config.BenSettings;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmbeddedStateRuleTest {

  private static final String NATS = "ben.connectors.nats.url = \"nats://10.0.0.9:4222\"\n";
  private static final String CLICKHOUSE =
      "ben.connectors.clickhouse.url = \"http://10.0.0.9:8123\"\n";

  /** The defaults with {@code overrides}, and no server named by the environment. */
  private static EmbeddedStateRule rule(String overrides) {
    return EmbeddedStateRule.of(
        BenSettings.fromConfig(
            ConfigFactory.parseString(
                    "ben.connectors { nats.url = \"\", clickhouse.url = \"\" }\n"
                        + "ben.node.allow-embedded-in-cluster-for-tests = false\n"
                        + overrides)
                .withFallback(ConfigFactory.defaultReference())
                .resolve()));
  }

  @Test
  void aNodeOnEmbeddedDefaultsMayRunAloneButLeavesAClusterOfTwoNamingBothSettings() {
    EmbeddedStateRule embedded = rule("");
    assertTrue(embedded.watchesMembers());
    assertEquals(Optional.empty(), embedded.refusal(1));
    String reason = embedded.refusal(2).orElseThrow();
    assertTrue(reason.contains("cluster of 2 members"), reason);
    assertTrue(reason.contains("the in-JVM bus and the embedded store"), reason);
    assertTrue(
        reason.contains(
            "set BEN_NATS_URL (ben.connectors.nats.url) and BEN_CLICKHOUSE_URL"
                + " (ben.connectors.clickhouse.url)"),
        reason);
    assertFalse(reason.contains("\n"), "one line");
  }

  @Test
  void onlyTheEmbeddedDefaultInUseIsNamed() {
    String withNats = rule(NATS).refusal(3).orElseThrow();
    assertFalse(withNats.contains("BEN_NATS_URL"), withNats);
    assertTrue(withNats.contains("the embedded store"), withNats);
    assertTrue(withNats.contains("BEN_CLICKHOUSE_URL (ben.connectors.clickhouse.url)"), withNats);

    String withClickHouse = rule(CLICKHOUSE).refusal(2).orElseThrow();
    assertTrue(withClickHouse.contains("runs the in-JVM bus,"), withClickHouse);
    assertFalse(withClickHouse.contains("BEN_CLICKHOUSE_URL"), withClickHouse);
  }

  @Test
  void aNodeOnSharedServersMayJoinAnyCluster() {
    EmbeddedStateRule shared = rule(NATS + CLICKHOUSE);
    assertFalse(shared.watchesMembers());
    assertEquals(Optional.empty(), shared.refusal(5));
  }

  @Test
  void testsMayLetEmbeddedNodesShareACluster() {
    EmbeddedStateRule allowed = rule("ben.node.allow-embedded-in-cluster-for-tests = true");
    assertFalse(allowed.watchesMembers());
    assertEquals(Optional.empty(), allowed.refusal(3));
  }
}
