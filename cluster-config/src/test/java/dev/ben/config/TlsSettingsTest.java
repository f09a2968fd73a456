package dev.ben.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TlsSettingsTest {

  private static BenSettings settings(String overrides) {
    return BenSettings.fromConfig(ReferenceConfig.with(overrides));
  }

  private static SettingsException refused(String overrides) {
    return assertThrows(SettingsException.class, () -> settings(overrides));
  }

  @Test
  void byDefaultTheListenersAreLoopbackAndCleartext() {
    TlsSettings tls = settings("").tls();
    assertFalse(tls.enabled());
    assertFalse(tls.insecure());
  }

  @Test
  void aCertificateAndKeyTurnHttpsOn() {
    TlsSettings tls =
        settings(
                "ben.tls { certificate-file = \"/etc/ben/tls.crt\","
                    + " private-key-file = \"/etc/ben/tls.key\" }")
            .tls();
    assertTrue(tls.enabled());
    assertEquals(Optional.of(Path.of("/etc/ben/tls.crt")), tls.certificateFile());
    assertEquals(Optional.of(Path.of("/etc/ben/tls.key")), tls.privateKeyFile());
  }

  @Test
  void oneFileWithoutTheOtherIsRefused() {
    assertEquals(
        "ben.tls.private-key-file",
        refused("ben.tls.certificate-file = \"/etc/ben/tls.crt\"").key());
    assertEquals(
        "ben.tls.certificate-file",
        refused("ben.tls.private-key-file = \"/etc/ben/tls.key\"").key());
  }

  @Test
  void aListenerOnANonLoopbackAddressWithoutTlsIsRefusedNamingTheWaysOut() {
    SettingsException e = refused("ben.gateway.host = \"0.0.0.0\"");
    assertEquals("ben.gateway.host", e.key());
    assertTrue(e.getMessage().contains("the gateway listener binds 0.0.0.0:8080"), e.getMessage());
    assertTrue(e.getMessage().contains("ben.tls.certificate-file"), e.getMessage());
    assertTrue(e.getMessage().contains("ben.tls.insecure = true"), e.getMessage());
    assertEquals("ben.ingest.host", refused("ben.ingest.host = \"192.0.2.10\"").key());
    assertEquals("ben.control.host", refused("ben.control.host = \"::\"").key());
  }

  @Test
  void exposedListenersAreAcceptedWithTlsOrExplicitInsecurity() {
    String exposed = "ben { ingest.host = \"0.0.0.0\", gateway.host = \"0.0.0.0\" }\n";
    assertTrue(
        settings(
                exposed
                    + "ben.tls { certificate-file = \"/etc/ben/tls.crt\","
                    + " private-key-file = \"/etc/ben/tls.key\" }")
            .tls()
            .enabled());
    assertTrue(settings(exposed + "ben.tls.insecure = true").tls().insecure());
  }

  @Test
  void onlyTheListenersTheRolesBindCount() {
    // A spine-only node binds only the ops listener, wherever the others' hosts point.
    assertEquals(
        "0.0.0.0",
        settings("ben { node.roles = [spine], gateway.host = \"0.0.0.0\" }")
            .gateway()
            .endpoint()
            .host());
    assertEquals(
        "ben.gateway.host",
        refused("ben { node.roles = [gateway], gateway.host = \"0.0.0.0\" }").key());
  }

  @Test
  void theOpsListenerCountsOnlyOnNodesWithoutTheGatewayRole() {
    SettingsException e = refused("ben { node.roles = [spine], ops.host = \"0.0.0.0\" }");
    assertEquals("ben.ops.host", e.key());
    assertTrue(e.getMessage().contains("the ops listener binds 0.0.0.0:8081"), e.getMessage());
    // A gateway node serves /health and /metrics on the gateway's port and binds no ops listener.
    assertEquals(
        "0.0.0.0",
        settings("ben { node.roles = [gateway], ops.host = \"0.0.0.0\" }").ops().endpoint().host());
  }

  @Test
  void loopbackNamesAndAddressesNeedNoTls() {
    assertTrue(ListenerExposure.isLoopback("127.0.0.1"));
    assertTrue(ListenerExposure.isLoopback("127.0.1.1"));
    assertTrue(ListenerExposure.isLoopback("::1"));
    assertTrue(ListenerExposure.isLoopback("localhost"));
    assertFalse(ListenerExposure.isLoopback("0.0.0.0"));
    assertFalse(ListenerExposure.isLoopback("10.1.2.3"));
    assertFalse(ListenerExposure.isLoopback("no-such-host.invalid"));
  }

  @Test
  void insecureMustBeABoolean() {
    assertEquals("ben.tls.insecure", refused("ben.tls.insecure = maybe").key());
  }
}
