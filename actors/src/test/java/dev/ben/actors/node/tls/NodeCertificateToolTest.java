package dev.ben.actors.node.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.ConfigFactory;
import dev.ben.config.BenSettings;
import dev.ben.config.ClusterTlsSettings;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeCertificateToolTest {

  @Test
  void issuesAJoiningNodesFilesFromTheFoundersCa(@TempDir Path dir) throws Exception {
    Path founderHome = dir.resolve("founder");
    BenSettings founder =
        BenSettings.fromConfig(
            ConfigFactory.parseMap(Map.of("ben.home", founderHome.toString()))
                .withFallback(ConfigFactory.defaultReference())
                .resolve());
    ClusterCredentials.prepare(founder, Instant.now());
    Path out = dir.resolve("for-node-2");

    X509Certificate issued =
        NodeCertificateTool.issue(
            ClusterTlsSettings.defaultFolder(founderHome), "10.0.0.2", out, Instant.now());

    X509Certificate ca = PemFiles.readCertificates(founder.clusterTls().caFile()).get(0);
    issued.verify(ca.getPublicKey());
    assertEquals(List.of(ca), PemFiles.readCertificates(out.resolve("ca.crt")));
    assertEquals(List.of(issued), PemFiles.readCertificates(out.resolve("node.crt")));
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("node.key"))));
    assertEquals(
        List.of(List.of(7, "10.0.0.2")),
        issued.getSubjectAlternativeNames().stream().map(List::copyOf).toList());
    assertThrows(
        FileAlreadyExistsException.class,
        () ->
            NodeCertificateTool.issue(
                ClusterTlsSettings.defaultFolder(founderHome), "10.0.0.2", out, Instant.now()),
        "an issued key is never overwritten");
  }
}
