package dev.ben.actors.node.tls;

import dev.ben.config.ClusterTlsSettings;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./ben node-cert --home DIR --host HOST --out DIR}: issues, from the cluster CA a founding
 * node keeps under {@code DIR/keys/cluster}, the files another node needs to join (node.crt,
 * node.key, ca.crt), never over existing files. Exit codes: 0 issued, 2 usage, 1 failed.
 */
public final class NodeCertificateTool {

  private static final List<String> OPTIONS = List.of("--home", "--host", "--out");

  private NodeCertificateTool() {}

  public static void main(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length && OPTIONS.contains(args[i]); i += 2) {
      options.put(args[i], args[i + 1]);
    }
    if (options.size() != OPTIONS.size() || args.length != 2 * OPTIONS.size()) {
      exit(2, "usage: ./ben node-cert --home DIR --host HOST --out DIR");
      return;
    }
    Path out = Path.of(options.get("--out"));
    try {
      X509Certificate issued =
          issue(
              ClusterTlsSettings.defaultFolder(Path.of(options.get("--home"))),
              options.get("--host"),
              out,
              Instant.now());
      System.out.println(
          "issued a cluster certificate for "
              + options.get("--host")
              + ", valid until "
              + issued.getNotAfter().toInstant()
              + ": copy node.crt, node.key and ca.crt from "
              + out
              + " to that node's ben.home/keys/cluster (node.key is its secret)");
    } catch (FileAlreadyExistsException e) {
      exit(1, e.getFile() + " already exists; name an empty --out folder");
    } catch (IOException | RuntimeException e) {
      exit(1, "cannot issue the certificate: " + e);
    }
  }

  /**
   * Issues a member certificate for {@code host} from the CA in {@code caFolder} (ca.crt, ca.key)
   * into {@code out}; returns the certificate.
   */
  static X509Certificate issue(Path caFolder, String host, Path out, Instant now)
      throws IOException {
    ClusterCertificates.Issued authority =
        new ClusterCertificates.Issued(
            PemFiles.readCertificates(caFolder.resolve(ClusterTlsSettings.CA_NAME)).get(0),
            PemFiles.readPrivateKey(caFolder.resolve(ClusterTlsSettings.CA_KEY_NAME)));
    ClusterCertificates.Issued member = ClusterCertificates.issueMember(authority, host, now);
    writeMember(out, authority.certificate(), member);
    return member.certificate();
  }

  /** Writes a member's files (node.crt, node.key, ca.crt) into {@code folder}. */
  public static void writeMember(
      Path folder, X509Certificate authority, ClusterCertificates.Issued member)
      throws IOException {
    PemFiles.writePrivateKey(folder.resolve(ClusterTlsSettings.KEY_NAME), member.key());
    PemFiles.writeCertificates(
        folder.resolve(ClusterTlsSettings.CERTIFICATE_NAME), member.certificate());
    PemFiles.writeCertificates(folder.resolve(ClusterTlsSettings.CA_NAME), authority);
  }

  private static void exit(int status, String message) {
    System.err.println("ben node-cert: " + message);
    System.exit(status);
  }
}
