package dev.ben.benctl.remote;

import dev.ben.benctl.command.CommandFailure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS client context that trusts exactly the certificates of one PEM file (the cluster's CA, as
 * {@code ben.tls} or the cluster CA tooling writes it) and nothing from the JVM's trust store.
 */
public final class CaTrust {

  private CaTrust() {}

  /** Refuses, as a usage error naming {@code caFile}, a file that is unreadable or not PEM. */
  public static SSLContext sslContext(Path caFile) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trustManagers(caFile), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw CommandFailure.usage("cannot trust the CA in " + caFile + ": " + e.getMessage());
    }
  }

  /** The trust managers of {@link #sslContext}: the JDK's PKIX checks against only this file. */
  static TrustManager[] trustManagers(Path caFile) {
    Collection<? extends Certificate> certificates = read(caFile);
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int index = 0;
      for (Certificate certificate : certificates) {
        store.setCertificateEntry("ca-" + index++, certificate);
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      return trust.getTrustManagers();
    } catch (GeneralSecurityException | IOException e) {
      throw CommandFailure.usage("cannot trust the CA in " + caFile + ": " + e.getMessage());
    }
  }

  private static Collection<? extends Certificate> read(Path caFile) {
    Collection<? extends Certificate> certificates;
    try (InputStream in = Files.newInputStream(caFile)) {
      certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (IOException e) {
      throw CommandFailure.usage("cannot read the CA file " + caFile + ": " + unreadable(e));
    } catch (GeneralSecurityException e) {
      throw CommandFailure.usage(notPem(caFile));
    }
    if (certificates.isEmpty()) {
      throw CommandFailure.usage(notPem(caFile));
    }
    return certificates;
  }

  private static String notPem(Path caFile) {
    return "the CA file "
        + caFile
        + " holds no PEM certificate (-----BEGIN CERTIFICATE-----); pass the cluster CA's"
        + " certificate with --ca";
  }

  private static String unreadable(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    return e instanceof AccessDeniedException ? "permission denied" : e.toString();
  }
}
