package dev.ben.benctl;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates for tests that talk TLS: a CA and a server certificate it signs for an IP address,
 * as a node's {@code ben.tls} files would hold them. EC keys, as they are quick to make.
 */
public final class TestCertificates {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] IN_MEMORY = new char[0];

  private TestCertificates() {}

  /** A certificate and its private key. */
  public record Issued(X509Certificate certificate, PrivateKey key) {}

  /** A self-signed CA called {@code name}. */
  public static Issued authority(String name) {
    KeyPair keys = keys();
    X500Name subject = new X500Name("CN=" + name);
    return issue(subject, subject, keys, keys.getPrivate(), new BasicConstraints(0), null);
  }

  /** A server certificate for {@code ipAddress}, signed by {@code ca}. */
  public static Issued server(Issued ca, String ipAddress) {
    KeyPair keys = keys();
    return issue(
        X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()),
        new X500Name("CN=" + ipAddress),
        keys,
        ca.key(),
        new BasicConstraints(false),
        new GeneralNames(new GeneralName(GeneralName.iPAddress, ipAddress)));
  }

  /** Writes {@code certificate} as a PEM file and returns the file. */
  public static Path writePem(Path file, X509Certificate certificate) throws IOException {
    try {
      String body =
          Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(certificate.getEncoded());
      Files.createDirectories(file.toAbsolutePath().getParent());
      return Files.writeString(
          file, "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A TLS server context presenting {@code server} and the CA that signed it. */
  public static SSLContext serverContext(Issued server, Issued ca) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(
          "server",
          server.key(),
          IN_MEMORY,
          new X509Certificate[] {server.certificate(), ca.certificate()});
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, IN_MEMORY);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, RANDOM);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Issued issue(
      X500Name issuer,
      X500Name subject,
      KeyPair keys,
      PrivateKey signer,
      BasicConstraints constraints,
      GeneralNames names) {
    Instant now = Instant.now();
    try {
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  issuer,
                  new BigInteger(64, RANDOM),
                  Date.from(now.minus(Duration.ofMinutes(5))),
                  Date.from(now.plus(Duration.ofDays(1))),
                  subject,
                  keys.getPublic())
              .addExtension(Extension.basicConstraints, true, constraints);
      if (names != null) {
        builder.addExtension(Extension.subjectAlternativeName, false, names);
      }
      X509Certificate certificate =
          new JcaX509CertificateConverter()
              .getCertificate(
                  builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
      return new Issued(certificate, keys.getPrivate());
    } catch (Exception e) {
      throw new IllegalStateException("cannot make a test certificate: " + e.getMessage(), e);
    }
  }

  private static KeyPair keys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(256, RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
