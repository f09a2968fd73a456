package dev.ben.config;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.List;

/**
 * The PEM files a node proves its cluster membership with (Pekko Artery over mutual TLS): its own
 * certificate and private key, and the certificate of the cluster's CA that every member's
 * certificate must chain to. The CA's private key, which only the founding node holds, sits next to
 * the CA certificate as {@value #CA_KEY_NAME}.
 */
public record ClusterTlsSettings(Path certificateFile, Path privateKeyFile, Path caFile) {

  /** The file names under the default folder, and of the files {@code ./ben node-cert} writes. */
  public static final String CERTIFICATE_NAME = "node.crt";

  public static final String KEY_NAME = "node.key";
  public static final String CA_NAME = "ca.crt";
  public static final String CA_KEY_NAME = "ca.key";

  /**
   * Reads {@code ben.cluster.tls}; an empty file setting means its default name under {@code
   * keys/cluster} in the home folder.
   */
  public static ClusterTlsSettings fromConfig(Config root, Path home) {
    ConfigReader reader = new ConfigReader(root, "ben.cluster.tls");
    Path folder = defaultFolder(home);
    return new ClusterTlsSettings(
        file(reader, "certificate-file", folder.resolve(CERTIFICATE_NAME)),
        file(reader, "private-key-file", folder.resolve(KEY_NAME)),
        file(reader, "ca-file", folder.resolve(CA_NAME)));
  }

  /** Where a node keeps its cluster files unless configured otherwise. */
  public static Path defaultFolder(Path home) {
    return home.resolve("keys").resolve("cluster");
  }

  /** The CA's private key: present on the node that founded the cluster (or holds its CA). */
  public Path caKeyFile() {
    return caFile.toAbsolutePath().resolveSibling(CA_KEY_NAME);
  }

  /** The three files a member needs, in the order an operator is told about them. */
  public List<Path> memberFiles() {
    return List.of(certificateFile, privateKeyFile, caFile);
  }

  private static Path file(ConfigReader reader, String key, Path fallback) {
    String value = reader.string(key);
    return value.isBlank() ? fallback : Path.of(value);
  }
}
