package dev.ben.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class BenSettingsTest {

  private static BenSettings settings(String overrides) {
    Config config =
        ConfigFactory.parseString(overrides)
            .withFallback(ConfigFactory.defaultReference())
            .resolve();
    return BenSettings.fromConfig(config);
  }

  private static SettingsException refused(String overrides) {
    return assertThrows(SettingsException.class, () -> settings(overrides));
  }

  @Test
  void defaultsBindToLoopbackWithEveryRoleAndNoExternalServers() {
    BenSettings s = settings("ben.home = /tmp/ben-settings-test");
    assertEquals(new Endpoint("127.0.0.1", 7080), s.ingest().endpoint());
    assertEquals(new Endpoint("127.0.0.1", 8080), s.gateway().endpoint());
    assertEquals(EnumSet.allOf(Role.class), s.node().roles());
    assertTrue(s.node().seedsItself());
    assertFalse(s.connectors().nats().isPresent());
    assertFalse(s.connectors().clickHouse().isPresent());
    assertFalse(s.connectors().s3().isPresent());
    assertEquals("/tmp/ben-settings-test/data", s.dataDir().toString());
    assertEquals(Duration.ofSeconds(1), s.flow().storeBatchInterval());
    assertEquals(256L * 1024 * 1024, s.flow().spillMaxBytes());
    assertEquals(64L * 1024 * 1024, s.flow().scrubQueueMaxBytes());
    assertEquals(java.util.List.of("demo"), s.node().passThroughPipelines());
    assertEquals("BEN_EVENTLOG", s.eventLog().stream());
  }

  @Test
  void theEventLogIsReadAndCheckedWithTheRest() {
    assertEquals(7, settings("ben.eventlog.emit-queue = 7").eventLog().emitQueue());
    assertEquals("ben.eventlog.emit-retry", refused("ben.eventlog.emit-retry = -1s").key());
  }

  @Test
  void rolesAndSeedsAcceptCommaSeparatedStringsAsEnvironmentVariablesCarry() {
    BenSettings s =
        settings(
            "ben.node.roles = \"edge, spine\"\nben.node.seeds = \"127.0.0.1:25521,127.0.0.1:25522\"");
    assertEquals(EnumSet.of(Role.EDGE, Role.SPINE), s.node().roles());
    assertEquals(2, s.node().seeds().size());
    assertFalse(s.node().seedsItself());
  }

  @Test
  void configuredConnectorsAreParsed() {
    BenSettings s =
        settings(
            """
        ben.connectors.nats.url = "nats://127.0.0.1:4222"
        ben.connectors.clickhouse.url = "http://127.0.0.1:8123"
        ben.connectors.s3 { endpoint = "http://127.0.0.1:9000", access-key = a, secret-key = b }
        """);
    assertEquals(4222, s.connectors().nats().orElseThrow().url().getPort());
    assertEquals("ben", s.connectors().nats().orElseThrow().namespace());
    assertEquals("ben", s.connectors().clickHouse().orElseThrow().database());
    assertEquals("ben", s.connectors().s3().orElseThrow().bucket());
  }

  @Test
  void unknownRoleIsRefusedNamingTheKeyAndTheChoices() {
    SettingsException e = refused("ben.node.roles = [edge, sidecar]");
    assertEquals("ben.node.roles", e.key());
    assertTrue(e.getMessage().contains("unknown role `sidecar`"), e.getMessage());
    assertTrue(
        e.getMessage().contains("orchestrator, edge, spine, detector, gateway"), e.getMessage());
  }

  @Test
  void badValuesAreRefusedWithTheirKey() {
    assertEquals("ben.ingest.port", refused("ben.ingest.port = 70000").key());
    assertEquals("ben.gateway.host", refused("ben.gateway.host = \"\"").key());
    assertEquals("ben.flow.stage-buffer", refused("ben.flow.stage-buffer = 0").key());
    assertEquals(
        "ben.flow.store-batch-interval", refused("ben.flow.store-batch-interval = 0s").key());
    assertEquals("ben.ingest.offer-timeout", refused("ben.ingest.offer-timeout = soon").key());
    assertEquals(
        "ben.ingest.max-line-bytes", refused("ben.ingest.max-line-bytes = 99999999").key());
    assertEquals("ben.node.seeds", refused("ben.node.seeds = [\"nohost\"]").key());
    assertEquals("ben.node.roles", refused("ben.node.roles = []").key());
    assertEquals(
        "ben.node.pass-through-pipelines",
        refused("ben.node.pass-through-pipelines = [\"a b\"]").key());
  }

  @Test
  void connectorUrlsMustUseTheirScheme() {
    assertEquals(
        "ben.connectors.nats.namespace",
        refused("ben.connectors.nats { url = \"nats://127.0.0.1:4222\", " + "namespace = \"a.b\" }")
            .key());
    SettingsException nats = refused("ben.connectors.nats.url = \"http://127.0.0.1:4222\"");
    assertEquals("ben.connectors.nats.url", nats.key());
    assertTrue(nats.getMessage().contains("nats://host:port"), nats.getMessage());
    assertEquals(
        "ben.connectors.clickhouse.database",
        refused("ben.connectors.clickhouse { url = \"http://h:8123\", database = \"my-db\" }")
            .key());
    assertEquals(
        "ben.connectors.s3.bucket",
        refused("ben.connectors.s3 { endpoint = \"http://h:9000\", bucket = \"Bad_Bucket\" }")
            .key());
  }
}
