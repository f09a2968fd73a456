package dev.ben.actors.node.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.actors.testing.TestClusterCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.pekko.pki.pem.DERPrivateKeyLoader;
import org.apache.pekko.pki.pem.PEMDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterCertificatesTest {

  private static final ClusterCertificates.Issued CA = TestClusterCredentials.authority();

  /** Validates {@code member} as a JDK trust manager would, trusting only {@code authority}. */
  private static void validate(X509Certificate member, X509Certificate authority) throws Exception {
    PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(authority, null)));
    parameters.setRevocationEnabled(false);
    CertPathValidator.getInstance("PKIX")
        .validate(
            CertificateFactory.getInstance("X.509").generateCertPath(List.of(member)), parameters);
  }

  @Test
  void aMemberCertificateChainsToItsClusterCa() throws Exception {
    validate(TestClusterCredentials.member().certificate(), CA.certificate());
  }

  @Test
  void aMemberOfAnotherClusterDoesNotChainToThisCa() {
    ClusterCertificates.Issued otherCa = ClusterCertificates.newAuthority(Instant.now());
    ClusterCertificates.Issued stranger =
        ClusterCertificates.issueMember(otherCa, "127.0.0.1", Instant.now());
    assertThrows(
        CertPathValidatorException.class, () -> validate(stranger.certificate(), CA.certificate()));
  }

  @Test
  void theCaSignsCertificatesForTenYearsAndMembersServeOneYearOnBothEnds() throws Exception {
    X509Certificate ca = CA.certificate();
    X509Certificate member = TestClusterCredentials.member().certificate();
    assertTrue(ca.getBasicConstraints() >= 0, "the CA may sign certificates");
    assertEquals(-1, member.getBasicConstraints(), "a member may not");
    assertEquals(3650, days(ca), 3);
    assertEquals(365, days(member), 2);
    assertTrue(member.getExtendedKeyUsage().containsAll(List.of(SERVER_AUTH, CLIENT_AUTH)));
    assertTrue(
        member.getSubjectX500Principal().getName().contains(ClusterCertificates.MEMBER_NAME));
  }

  @Test
  void theSubjectAlternativeNameIsTheNodesAddressOrHostName() throws Exception {
    // 7 is an IP address, 2 a DNS name (RFC 5280).
    assertEquals(
        List.of(List.of(7, "127.0.0.1")),
        TestClusterCredentials.member().certificate().getSubjectAlternativeNames().stream()
            .map(List::copyOf)
            .toList());
    X509Certificate named =
        ClusterCertificates.issueMember(CA, "node-2.ben.internal", Instant.now()).certificate();
    assertEquals(
        List.of(List.of(2, "node-2.ben.internal")),
        named.getSubjectAlternativeNames().stream().map(List::copyOf).toList());
  }

  @Test
  void keysAreWrittenOwnerOnlyInAnOwnerOnlyFolderAndPekkoReadsThem(@TempDir Path dir)
      throws Exception {
    Path folder = dir.resolve("keys/cluster");
    Path key = folder.resolve("node.key");
    PemFiles.writePrivateKey(key, TestClusterCredentials.member().key());
    PemFiles.writeCertificates(folder.resolve("node.crt"), CA.certificate());

    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
    assertEquals(
        TestClusterCredentials.member().key(),
        DERPrivateKeyLoader.load(PEMDecoder.decode(Files.readString(key))));
    assertEquals(List.of(CA.certificate()), PemFiles.readCertificates(folder.resolve("node.crt")));
    assertThrows(
        java.nio.file.FileAlreadyExistsException.class,
        () -> PemFiles.writePrivateKey(key, CA.key()),
        "an existing key is never replaced");
  }

  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

  private static long days(X509Certificate certificate) {
    return Duration.between(
            certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant())
        .toDays();
  }
}
