package dev.ben.actors.node.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;

/**
 * Makes a cluster's CA and the certificates of its members. Keys are RSA because Pekko's
 * RotatingKeysSSLEngineProvider, which guards cluster membership, reads only RSA private keys.
 * Every member certificate carries the same common name ({@value #MEMBER_NAME}): after the
 * handshake the provider also requires the two peers' certificates to share a subject name.
 */
public final class ClusterCertificates {

  /** The subject name all members share. */
  public static final String MEMBER_NAME = "ben-cluster-member";

  static final int KEY_BITS = 3072;
  static final Period CA_VALIDITY = Period.ofYears(10);
  static final Period MEMBER_VALIDITY = Period.ofYears(1);

  /** Covers clocks of members that run a little behind the one that issued the certificate. */
  private static final Duration BACKDATE = Duration.ofMinutes(5);

  private static final String SIGNATURE = "SHA256withRSA";
  private static final SecureRandom RANDOM = new SecureRandom();

  private ClusterCertificates() {}

  /** A certificate with its private key. */
  public record Issued(X509Certificate certificate, PrivateKey key) {}

  /** A new self-signed cluster CA, valid ten years from {@code now}. */
  public static Issued newAuthority(Instant now) {
    KeyPair keys = newKeys();
    X500Name name = new X500Name("CN=ben cluster CA " + serial().toString(16));
    try {
      X509v3CertificateBuilder builder = builder(name, name, keys, now, CA_VALIDITY);
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      builder
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
          .addExtension(
              Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
          .addExtension(
              Extension.subjectKeyIdentifier,
              false,
              extensions.createSubjectKeyIdentifier(keys.getPublic()));
      return new Issued(sign(builder, keys.getPrivate()), keys.getPrivate());
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("cannot make a cluster CA: " + e.getMessage(), e);
    }
  }

  /**
   * A member certificate for the node reached at {@code host} (a name or an IP address, its subject
   * alternative name), signed by {@code authority}, valid one year from {@code now}; usable on both
   * ends of a connection, as members both dial and accept.
   */
  public static Issued issueMember(Issued authority, String host, Instant now) {
    KeyPair keys = newKeys();
    try {
      X509v3CertificateBuilder builder =
          builder(
              X500Name.getInstance(authority.certificate().getSubjectX500Principal().getEncoded()),
              new X500Name("CN=" + MEMBER_NAME),
              keys,
              now,
              MEMBER_VALIDITY);
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      builder
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(
              Extension.keyUsage,
              true,
              new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
          .addExtension(
              Extension.extendedKeyUsage,
              false,
              new ExtendedKeyUsage(
                  new KeyPurposeId[] {
                    KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth
                  }))
          .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(hostName(host)))
          .addExtension(
              Extension.authorityKeyIdentifier,
              false,
              extensions.createAuthorityKeyIdentifier(authority.certificate()))
          .addExtension(
              Extension.subjectKeyIdentifier,
              false,
              extensions.createSubjectKeyIdentifier(keys.getPublic()));
      return new Issued(sign(builder, authority.key()), keys.getPrivate());
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException(
          "cannot issue a member certificate for " + host + ": " + e.getMessage(), e);
    }
  }

  private static X509v3CertificateBuilder builder(
      X500Name issuer, X500Name subject, KeyPair keys, Instant now, Period validity) {
    Instant from = now.minus(BACKDATE);
    Instant until = now.atOffset(ZoneOffset.UTC).plus(validity).toInstant();
    return new JcaX509v3CertificateBuilder(
        issuer, serial(), Date.from(from), Date.from(until), subject, keys.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
      throws GeneralSecurityException {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(signer)));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e.getMessage(), e);
    }
  }

  /** An IP address literal becomes an IP name, anything else a DNS name. */
  private static GeneralName hostName(String host) {
    return IPAddress.isValid(host)
        ? new GeneralName(GeneralName.iPAddress, host)
        : new GeneralName(GeneralName.dNSName, host);
  }

  private static KeyPair newKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(KEY_BITS, RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot make RSA keys: " + e.getMessage(), e);
    }
  }

  /** Positive, 127 random bits: unique per certificate, as RFC 5280 asks. */
  private static BigInteger serial() {
    return new BigInteger(127, RANDOM);
  }
}
