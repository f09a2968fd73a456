package dev.ben.benctl.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.benctl.TestCertificates;
import dev.ben.benctl.TestCertificates.Issued;
import dev.ben.benctl.command.CommandFailure;
import dev.ben.benctl.command.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaTrustTest {

  private static Issued ca;
  private static Issued server;
  private static Issued stranger;

  @TempDir Path dir;

  @BeforeAll
  static void issue() {
    ca = TestCertificates.authority("test CA");
    server = TestCertificates.server(ca, "127.0.0.1");
    Issued otherCa = TestCertificates.authority("other CA");
    stranger = TestCertificates.server(otherCa, "127.0.0.1");
  }

  private static X509TrustManager trustManager(Path caFile) {
    return (X509TrustManager) CaTrust.trustManagers(caFile)[0];
  }

  @Test
  void trustsExactlyTheCaOfThePemFile() throws Exception {
    Path caFile = TestCertificates.writePem(dir.resolve("ca.pem"), ca.certificate());
    X509TrustManager trust = trustManager(caFile);
    assertArrayEquals(new X509Certificate[] {ca.certificate()}, trust.getAcceptedIssuers());
    assertDoesNotThrow(
        () ->
            trust.checkServerTrusted(new X509Certificate[] {server.certificate()}, "ECDHE_ECDSA"));
    assertThrows(
        CertificateException.class,
        () ->
            trust.checkServerTrusted(new X509Certificate[] {stranger.certificate()}, "ECDHE_ECDSA"),
        "a certificate of another CA, however valid, is not trusted");
    assertNotNull(CaTrust.sslContext(caFile));
  }

  @Test
  void aMissingFileIsAUsageErrorNamingIt() {
    Path missing = dir.resolve("missing.pem");
    CommandFailure failure = assertThrows(CommandFailure.class, () -> CaTrust.sslContext(missing));
    assertEquals(ExitCode.USAGE, failure.exitCode());
    assertEquals("cannot read the CA file " + missing + ": no such file", failure.getMessage());
  }

  @Test
  void aFileWithoutPemCertificatesIsAUsageErrorNamingIt() throws Exception {
    for (String text :
        new String[] {"", "not a certificate\n", "-----BEGIN CERTIFICATE-----\nxx\n"}) {
      Path file = Files.writeString(dir.resolve("bad.pem"), text);
      CommandFailure failure = assertThrows(CommandFailure.class, () -> CaTrust.sslContext(file));
      assertEquals(ExitCode.USAGE, failure.exitCode());
      assertTrue(
          failure.getMessage().startsWith("the CA file " + file + " holds no PEM certificate"),
          failure::getMessage);
    }
  }
}
