package dev.ben.actors.node.tls;

import dev.ben.config.BenSettings;
import dev.ben.config.ClusterTlsSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pekko.pki.pem.DERPrivateKeyLoader;
import org.apache.pekko.pki.pem.PEMDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure a node holds what cluster membership takes before its actor system starts: its
 * certificate, private key and the cluster's CA. A node with none of them and no seeds founds a
 * cluster, making the CA and its own certificate; a node with seeds cannot make them (only the
 * cluster's CA can vouch for it), so it is refused with what is missing and how to get it.
 */
public final class ClusterCredentials {

  private static final Logger log = LoggerFactory.getLogger(ClusterCredentials.class);

  private ClusterCredentials() {}

  /** What {@link #prepare} found. */
  public enum Outcome {
    /** The files were there and fit together. */
    PRESENT,
    /** This node made the cluster's CA and its own certificate. */
    FOUNDED
  }

  /**
   * Checks the files {@code ben.cluster.tls} names, or founds a cluster when there are none and no
   * seeds; throws {@link UnusableCredentials} when the node cannot join with them.
   */
  public static Outcome prepare(BenSettings settings, Instant now) {
    ClusterTlsSettings tls = settings.clusterTls();
    List<Path> missing = tls.memberFiles().stream().filter(file -> !Files.exists(file)).toList();
    if (missing.isEmpty()) {
      check(tls, now);
      return Outcome.PRESENT;
    }
    boolean nothingYet = missing.size() == tls.memberFiles().size();
    if (nothingYet && settings.node().seeds().isEmpty() && !Files.exists(tls.caKeyFile())) {
      found(settings, now);
      return Outcome.FOUNDED;
    }
    throw new UnusableCredentials(
        "cannot take part in the cluster: missing "
            + missing.stream().map(Path::toString).collect(Collectors.joining(", "))
            + " (ben.cluster.tls). Members prove themselves with a certificate signed by the"
            + " cluster's CA: on the node holding it (the first one started without seeds) run"
            + " `./ben node-cert --home <its ben.home> --host "
            + settings.node().address().host()
            + " --out DIR` and copy node.crt, node.key and ca.crt from DIR to "
            + tls.certificateFile().toAbsolutePath().getParent()
            + " (docs/cluster-tls.md)");
  }

  private static void found(BenSettings settings, Instant now) {
    ClusterTlsSettings tls = settings.clusterTls();
    ClusterCertificates.Issued authority = ClusterCertificates.newAuthority(now);
    ClusterCertificates.Issued member =
        ClusterCertificates.issueMember(authority, settings.node().address().host(), now);
    try {
      PemFiles.writePrivateKey(tls.caKeyFile(), authority.key());
      PemFiles.writeCertificates(tls.caFile(), authority.certificate());
      PemFiles.writePrivateKey(tls.privateKeyFile(), member.key());
      PemFiles.writeCertificates(tls.certificateFile(), member.certificate());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the new cluster's CA and certificate: " + e.getMessage(), e);
    }
    log.info(
        "Founded a new cluster: its CA ({}, private key {}) and this node's certificate are in {};"
            + " other nodes join only with a certificate signed by this CA, issued with"
            + " `./ben node-cert --home {} --host <their host> --out DIR` (docs/cluster-tls.md)",
        tls.caFile(),
        tls.caKeyFile(),
        tls.certificateFile().toAbsolutePath().getParent(),
        settings.home());
  }

  /**
   * Refuses files Pekko could not use or peers would not accept, so the operator learns at start
   * rather than from failing handshakes.
   */
  private static void check(ClusterTlsSettings tls, Instant now) {
    try {
      DERPrivateKeyLoader.load(
          PEMDecoder.decode(Files.readString(tls.privateKeyFile(), StandardCharsets.US_ASCII)));
    } catch (Exception e) {
      // Pekko's loader also throws checked key-spec exceptions it does not declare.
      throw new UnusableCredentials(
          tls.privateKeyFile()
              + " is not an unencrypted RSA private key in PEM (PKCS#8 or PKCS#1), the only kind"
              + " Pekko's cluster TLS reads: "
              + e.getMessage());
    }
    X509Certificate certificate = first(tls.certificateFile());
    X509Certificate authority = first(tls.caFile());
    try {
      certificate.verify(authority.getPublicKey());
    } catch (GeneralSecurityException e) {
      throw new UnusableCredentials(
          tls.certificateFile() + " is not signed by the cluster CA in " + tls.caFile());
    }
    if (now.isAfter(certificate.getNotAfter().toInstant())) {
      throw new UnusableCredentials(
          tls.certificateFile()
              + " expired on "
              + certificate.getNotAfter().toInstant()
              + "; issue a new one with `./ben node-cert` (docs/cluster-tls.md)");
    }
  }

  private static X509Certificate first(Path file) {
    try {
      return PemFiles.readCertificates(file).get(0);
    } catch (IOException e) {
      throw new UnusableCredentials("cannot read the certificate " + file + ": " + e.getMessage());
    }
  }
}
