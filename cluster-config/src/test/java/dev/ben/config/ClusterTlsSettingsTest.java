package dev.ben.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterTlsSettingsTest {

  private static ClusterTlsSettings settings(String overrides) {
    return BenSettings.fromConfig(ReferenceConfig.with("ben.home = \"/srv/ben\"\n" + overrides))
        .clusterTls();
  }

  @Test
  void emptySettingsMeanTheClusterFolderUnderTheHome() {
    ClusterTlsSettings s = settings("");
    Path folder = Path.of("/srv/ben/keys/cluster");
    assertEquals(
        List.of(folder.resolve("node.crt"), folder.resolve("node.key"), folder.resolve("ca.crt")),
        s.memberFiles());
    assertEquals(folder.resolve("ca.key"), s.caKeyFile());
    assertEquals(folder, ClusterTlsSettings.defaultFolder(Path.of("/srv/ben")));
  }

  @Test
  void eachFileCanBeNamedAndTheCaKeyFollowsTheCaCertificate() {
    ClusterTlsSettings s =
        settings(
            "ben.cluster.tls { certificate-file = \"/etc/ben/me.pem\","
                + " private-key-file = \"/etc/ben/me-key.pem\", ca-file = \"/etc/pki/ben-ca.pem\" }");
    assertEquals(Path.of("/etc/ben/me.pem"), s.certificateFile());
    assertEquals(Path.of("/etc/ben/me-key.pem"), s.privateKeyFile());
    assertEquals(Path.of("/etc/pki/ben-ca.pem"), s.caFile());
    assertEquals(Path.of("/etc/pki/ca.key"), s.caKeyFile());
  }

  @Test
  void aValueThatIsNotAStringIsRefusedWithItsKey() {
    SettingsException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            SettingsException.class, () -> settings("ben.cluster.tls.ca-file = [a, b]"));
    assertEquals("ben.cluster.tls.ca-file", e.key());
  }
}
