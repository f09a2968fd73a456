package dev.ben.tests.support;

import dev.ben.actors.node.tls.ClusterCertificates;
import dev.ben.actors.node.tls.NodeCertificateTool;
import dev.ben.config.ClusterTlsSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One cluster CA and one member certificate for 127.0.0.1 per test JVM: the nodes a test starts in
 * this JVM prove themselves with it, so they form one cluster as nodes issued by one CA do.
 */
public final class TestClusterCa {

  private TestClusterCa() {}

  /**
   * Writes the member files into {@code home}'s default cluster folder unless they are there (a
   * node restarted on the same home).
   */
  public static void install(Path home) {
    Path folder = ClusterTlsSettings.defaultFolder(home);
    if (Files.exists(folder.resolve(ClusterTlsSettings.CERTIFICATE_NAME))) {
      return;
    }
    try {
      NodeCertificateTool.writeMember(folder, Shared.AUTHORITY.certificate(), Shared.MEMBER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Shared {
    private static final ClusterCertificates.Issued AUTHORITY =
        ClusterCertificates.newAuthority(Instant.now());
    private static final ClusterCertificates.Issued MEMBER =
        ClusterCertificates.issueMember(AUTHORITY, "127.0.0.1", Instant.now());
  }
}
