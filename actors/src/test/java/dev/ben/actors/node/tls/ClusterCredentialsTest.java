package dev.ben.actors.node.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.ben.actors.testing.TestClusterCredentials;
import dev.ben.config.BenSettings;
import dev.ben.config.ClusterTlsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterCredentialsTest {

  private static BenSettings settings(Path home, String overrides) {
    return BenSettings.fromConfig(
        ConfigFactory.parseString(overrides)
            .withFallback(ConfigFactory.parseMap(java.util.Map.of("ben.home", home.toString())))
            .withFallback(ConfigFactory.defaultReference())
            .resolve());
  }

  @Test
  void aNodeWithoutSeedsAndWithoutFilesFoundsACluster(@TempDir Path home) throws Exception {
    BenSettings settings = settings(home, "");
    ClusterTlsSettings tls = settings.clusterTls();

    assertEquals(ClusterCredentials.Outcome.FOUNDED, ClusterCredentials.prepare(settings, now()));

    for (Path key : new Path[] {tls.privateKeyFile(), tls.caKeyFile()}) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    }
    assertEquals(
        "rwx------",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(ClusterTlsSettings.defaultFolder(home))));
    PemFiles.readCertificates(tls.certificateFile())
        .get(0)
        .verify(PemFiles.readCertificates(tls.caFile()).get(0).getPublicKey());
    // Started again, it finds what it made.
    assertEquals(ClusterCredentials.Outcome.PRESENT, ClusterCredentials.prepare(settings, now()));
  }

  @Test
  void aNodeWithSeedsAndNoFilesIsToldWhatIsMissingAndHowToGetIt(@TempDir Path home) {
    BenSettings settings = settings(home, "ben.node { seeds = [\"10.0.0.1:25520\"] }");

    UnusableCredentials refused =
        assertThrows(UnusableCredentials.class, () -> ClusterCredentials.prepare(settings, now()));

    String message = refused.getMessage();
    assertTrue(message.contains(settings.clusterTls().certificateFile().toString()), message);
    assertTrue(message.contains(settings.clusterTls().caFile().toString()), message);
    assertTrue(message.contains("./ben node-cert --home"), message);
    assertFalse(message.contains("\n"), "one line");
    assertFalse(Files.exists(settings.clusterTls().caKeyFile()), "it made no CA of its own");
  }

  @Test
  void someFilesWithoutTheOthersAreRefusedEvenWithoutSeeds(@TempDir Path home) throws Exception {
    BenSettings settings = settings(home, "");
    PemFiles.writeCertificates(
        settings.clusterTls().caFile(), TestClusterCredentials.authority().certificate());

    UnusableCredentials refused =
        assertThrows(UnusableCredentials.class, () -> ClusterCredentials.prepare(settings, now()));
    assertTrue(
        refused.getMessage().contains(settings.clusterTls().privateKeyFile().toString()),
        refused.getMessage());
  }

  @Test
  void aCertificateOfAnotherCaIsRefused(@TempDir Path home) throws Exception {
    BenSettings settings = settings(home, "");
    TestClusterCredentials.install(home);
    Files.delete(settings.clusterTls().caFile());
    PemFiles.writeCertificates(
        settings.clusterTls().caFile(),
        ClusterCertificates.newAuthority(Instant.now()).certificate());

    UnusableCredentials refused =
        assertThrows(UnusableCredentials.class, () -> ClusterCredentials.prepare(settings, now()));
    assertTrue(refused.getMessage().contains("is not signed by the cluster CA"));
  }

  @Test
  void aKeyPekkoCannotReadIsRefusedAtStart(@TempDir Path home) throws Exception {
    BenSettings settings = settings(home, "");
    TestClusterCredentials.install(home);
    Files.delete(settings.clusterTls().privateKeyFile());
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(256);
    PemFiles.writePrivateKey(
        settings.clusterTls().privateKeyFile(), ec.generateKeyPair().getPrivate());

    UnusableCredentials refused =
        assertThrows(UnusableCredentials.class, () -> ClusterCredentials.prepare(settings, now()));
    assertTrue(refused.getMessage().contains("RSA private key"), refused.getMessage());
  }

  @Test
  void anExpiredCertificateIsRefused(@TempDir Path home) {
    BenSettings settings = settings(home, "");
    TestClusterCredentials.install(home);
    Instant nextDecade = now().plus(java.time.Duration.ofDays(3700));

    UnusableCredentials refused =
        assertThrows(
            UnusableCredentials.class, () -> ClusterCredentials.prepare(settings, nextDecade));
    assertTrue(refused.getMessage().contains("expired"), refused.getMessage());
  }

  private static Instant now() {
    return Instant.now();
  }
}
