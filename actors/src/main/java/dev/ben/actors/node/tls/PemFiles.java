package dev.ben.actors.node.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * Certificates and private keys as PEM files. A private key is written only its owner can read
 * (0600), into a folder only its owner can enter (0700) when the folder is new, and never over an
 * existing file: replacing a key is the operator's decision.
 */
public final class PemFiles {

  private static final String OWNER_ONLY_FILE = "rw-------";
  private static final String OWNER_ONLY_FOLDER = "rwx------";

  private PemFiles() {}

  /** Writes {@code key} as an unencrypted PKCS#8 PEM file readable by its owner only. */
  public static void writePrivateKey(Path file, PrivateKey key) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(new JcaPKCS8Generator(key, null));
    }
    write(file, text.toString(), OWNER_ONLY_FILE);
  }

  /** Writes {@code certificates} into one PEM file, in the order given. */
  public static void writeCertificates(Path file, X509Certificate... certificates)
      throws IOException {
    StringBuilder text = new StringBuilder();
    for (X509Certificate certificate : certificates) {
      StringWriter pem = new StringWriter();
      try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
        writer.writeObject(certificate);
      }
      text.append(pem);
    }
    write(file, text.toString(), "rw-r--r--");
  }

  /** Every certificate of a PEM file, in file order; at least one. */
  public static List<X509Certificate> readCertificates(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      List<X509Certificate> certificates =
          CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
              .map(X509Certificate.class::cast)
              .toList();
      if (certificates.isEmpty()) {
        throw new IOException(file + " holds no PEM certificate");
      }
      return certificates;
    } catch (GeneralSecurityException e) {
      throw new IOException(file + " is not a PEM certificate file: " + e.getMessage(), e);
    }
  }

  /** The private key of a PEM file: PKCS#8, or PKCS#1 (RSA) or SEC1 (EC) as OpenSSL writes them. */
  public static PrivateKey readPrivateKey(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(reader)) {
      Object read = parser.readObject();
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      if (read instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
      if (read instanceof PEMKeyPair pair) {
        return converter.getKeyPair(pair).getPrivate();
      }
      throw new IOException(
          file
              + " holds no unencrypted PEM private key (PKCS#8, or PKCS#1/SEC1 as OpenSSL writes)");
    }
  }

  /** Creates {@code folder} and its parents when missing, the last readable by its owner only. */
  public static void ownerOnlyFolder(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      Files.createDirectories(folder);
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString(OWNER_ONLY_FOLDER));
    }
  }

  /**
   * Writes through a temporary file made with its final permissions, then moves it into place, so
   * the content is never readable by others, not even for an instant, and a half-written file is
   * never seen.
   */
  private static void write(Path file, String text, String permissions) throws IOException {
    Path folder = file.toAbsolutePath().getParent();
    ownerOnlyFolder(folder);
    Path temporary =
        Files.createTempFile(
            folder,
            ".pem",
            ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions)));
    try {
      Files.writeString(temporary, text, StandardCharsets.US_ASCII);
      Files.move(temporary, file);
    } catch (IOException e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
  }
}
