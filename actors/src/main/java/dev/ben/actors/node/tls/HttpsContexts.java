package dev.ben.actors.node.tls;

import dev.ben.config.TlsSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.apache.pekko.http.javadsl.ConnectionContext;
import org.apache.pekko.http.javadsl.HttpsConnectionContext;

/**
 * The HTTPS context of the HTTP listeners (ingest, gateway, control) from the PEM files {@code
 * ben.tls} names, or none when they serve cleartext. Clients are not asked for certificates: who
 * may call is the listeners' own business (tokens, signatures).
 */
public final class HttpsContexts {

  private static final char[] IN_MEMORY_ONLY = new char[0];

  private HttpsContexts() {}

  /** Throws {@link UnusableCredentials} when the files cannot be read or do not fit together. */
  public static Optional<HttpsConnectionContext> forListeners(TlsSettings tls) {
    if (!tls.enabled()) {
      return Optional.empty();
    }
    return Optional.of(
        ConnectionContext.httpsServer(
            serverContext(
                tls.certificateFile().orElseThrow(), tls.privateKeyFile().orElseThrow())));
  }

  /** A TLS server context presenting the chain in {@code certificateFile} with {@code keyFile}. */
  static SSLContext serverContext(Path certificateFile, Path keyFile) {
    List<X509Certificate> chain;
    PrivateKey key;
    try {
      chain = PemFiles.readCertificates(certificateFile);
      key = PemFiles.readPrivateKey(keyFile);
    } catch (IOException e) {
      throw new UnusableCredentials("cannot read ben.tls files: " + e.getMessage());
    }
    if (!chain.get(0).getPublicKey().getAlgorithm().equals(key.getAlgorithm())) {
      throw new UnusableCredentials(
          keyFile + " is not the private key of the certificate in " + certificateFile);
    }
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("listener", key, IN_MEMORY_ONLY, chain.toArray(X509Certificate[]::new));
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, IN_MEMORY_ONLY);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, new SecureRandom());
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new UnusableCredentials(
          "cannot serve HTTPS with "
              + certificateFile
              + " and "
              + keyFile
              + " (ben.tls): "
              + e.getMessage());
    }
  }
}
