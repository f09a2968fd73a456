package dev.ben.actors.testing;

import dev.ben.actors.node.tls.ClusterCertificates;
import dev.ben.actors.node.tls.NodeCertificateTool;
import dev.ben.config.ClusterTlsSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One cluster CA and one member certificate (for 127.0.0.1) per test JVM, put into each test node's
 * home: nodes then start as configured nodes do, without making RSA keys of their own each time.
 */
public final class TestClusterCredentials {

  private TestClusterCredentials() {}

  /** The JVM's test CA, made on first use. */
  public static ClusterCertificates.Issued authority() {
    return Shared.AUTHORITY;
  }

  /** The JVM's member certificate for 127.0.0.1, signed by {@link #authority()}. */
  public static ClusterCertificates.Issued member() {
    return Shared.MEMBER;
  }

  /** Writes the member files under {@code home}'s default folder unless a node left them there. */
  public static void install(Path home) {
    Path folder = ClusterTlsSettings.defaultFolder(home);
    if (Files.exists(folder.resolve(ClusterTlsSettings.CERTIFICATE_NAME))) {
      return;
    }
    try {
      NodeCertificateTool.writeMember(folder, authority().certificate(), member());
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
