package dev.ben.config;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How the node's HTTP listeners (ingest, gateway, control) speak: HTTPS with the given PEM
 * certificate chain and private key, or cleartext. {@code insecure} is the operator's explicit
 * consent to cleartext on a non-loopback address (see {@link ListenerExposure}).
 */
public record TlsSettings(
    Optional<Path> certificateFile, Optional<Path> privateKeyFile, boolean insecure) {

  public static TlsSettings fromConfig(Config root) {
    ConfigReader reader = new ConfigReader(root, "ben.tls");
    Optional<Path> certificate = file(reader, "certificate-file");
    Optional<Path> key = file(reader, "private-key-file");
    if (certificate.isPresent() != key.isPresent()) {
      String missing = certificate.isPresent() ? "private-key-file" : "certificate-file";
      throw reader.invalid(
          missing,
          "must be set too: HTTPS needs both ben.tls.certificate-file and ben.tls.private-key-file");
    }
    return new TlsSettings(certificate, key, reader.bool("insecure"));
  }

  /** Whether the listeners serve HTTPS. */
  public boolean enabled() {
    return certificateFile.isPresent();
  }

  private static Optional<Path> file(ConfigReader reader, String key) {
    String value = reader.string(key);
    return value.isBlank() ? Optional.empty() : Optional.of(Path.of(value));
  }
}
