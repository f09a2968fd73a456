package dev.ben.tests.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.actors.node.tls.ClusterCertificates;
import dev.ben.actors.node.tls.NodeCertificateTool;
import dev.ben.config.ClusterTlsSettings;
import dev.ben.tests.support.NodeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster membership takes the cluster's certificate, with real node processes on 127.0.0.1: A
 * founds a cluster (making its CA), B joins with a certificate issued from A's CA by {@code ./ben
 * node-cert}, C with a certificate of another CA is turned away (A's members do not change, both
 * sides say why), and D, with seeds and no certificate, does not start. Needs no servers.
 */
class ClusterMembershipTlsIT {

  private static final Duration START = Duration.ofSeconds(90);
  private static final Duration REFUSAL = Duration.ofSeconds(60);

  @TempDir Path work;

  private final List<NodeProcess> processes = new ArrayList<>();

  @AfterEach
  void stopNodes() {
    List<NodeProcess> youngestFirst = new ArrayList<>(processes);
    Collections.reverse(youngestFirst);
    for (NodeProcess process : youngestFirst) {
      process.close();
    }
  }

  @Test
  void onlyNodesWithACertificateFromTheClustersCaBecomeMembers() throws Exception {
    int portA = NodeProcess.freePort();
    int portB = NodeProcess.freePort();
    int portC = NodeProcess.freePort();
    Path homeA = Files.createDirectories(work.resolve("a"));
    NodeProcess a = started(NodeProcess.node("a", work, config(homeA, portA, List.of())));
    a.awaitLine(line -> line.contains("Founded a new cluster"), "that it founded a cluster", START);
    a.awaitLine(line -> line.contains("is up: roles"), "that it is up", START);

    Path homeB = Files.createDirectories(work.resolve("b"));
    NodeProcess issuing =
        NodeProcess.start(
            "node-cert",
            NodeCertificateTool.class.getName(),
            "--home",
            homeA.toString(),
            "--host",
            "127.0.0.1",
            "--out",
            ClusterTlsSettings.defaultFolder(homeB).toString());
    assertEquals(0, issuing.awaitExit(START), issuing.output());
    NodeProcess b = started(NodeProcess.node("b", work, config(homeB, portB, List.of(portA))));
    String memberB = "pekko://ben@127.0.0.1:" + portB;
    a.awaitLine(
        line -> line.contains("Leader is moving node [" + memberB + "] to [Up]"),
        "B becoming a member",
        START);
    b.awaitLine(line -> line.contains("is up: roles"), "that it is up", START);

    Path homeC = Files.createDirectories(work.resolve("c"));
    ClusterCertificates.Issued otherCa = ClusterCertificates.newAuthority(Instant.now());
    NodeCertificateTool.writeMember(
        ClusterTlsSettings.defaultFolder(homeC),
        otherCa.certificate(),
        ClusterCertificates.issueMember(otherCa, "127.0.0.1", Instant.now()));
    NodeProcess c = started(NodeProcess.node("c", work, config(homeC, portC, List.of(portA))));
    String refusedByC =
        c.awaitLine(
            line -> line.contains("Cannot connect to cluster node 127.0.0.1:" + portA),
            "that it cannot connect to A",
            REFUSAL);
    String refusedByA =
        a.awaitLine(
            line -> line.contains("Refused a node that tried to connect"),
            "that it refused C",
            REFUSAL);
    System.out.println("A logged: " + refusedByA + "\nC logged: " + refusedByC);
    String memberC = "pekko://ben@127.0.0.1:" + portC;
    assertEquals(
        List.of(),
        a.linesMatching(line -> line.contains(memberC) && line.contains("JOINING")),
        "A let C join; it refused with: " + refusedByA + " / C saw: " + refusedByC);
    assertEquals(
        List.of(), a.linesMatching(line -> line.contains("Leader is moving node [" + memberC)));
  }

  @Test
  void aNodeWithSeedsAndNoCertificateDoesNotStart() throws Exception {
    Path home = Files.createDirectories(work.resolve("d"));
    NodeProcess d =
        started(
            NodeProcess.node(
                "d", work, config(home, NodeProcess.freePort(), List.of(NodeProcess.freePort()))));

    assertEquals(2, d.awaitExit(START), d.output());
    List<String> said = d.linesMatching(line -> line.startsWith("ben: "));
    assertEquals(1, said.size(), d.output());
    assertTrue(said.get(0).contains("node.crt") && said.get(0).contains("./ben node-cert"));
    assertTrue(Files.notExists(ClusterTlsSettings.defaultFolder(home).resolve("ca.key")));
  }

  private NodeProcess started(NodeProcess process) {
    processes.add(process);
    return process;
  }

  private static String config(Path home, int port, List<Integer> seeds) {
    return """
        ben.home = "%s"
        ben.node { host = "127.0.0.1", port = %d, seeds = [%s], pass-through-pipelines = [] }
        # Membership is the subject here, not the data: the members may keep embedded state each.
        ben.node.allow-embedded-in-cluster-for-tests = true
        ben.ingest { port = 0, socket.port = 0 }
        ben.gateway.port = 0
        ben.ops.port = 0
        ben.control.port = 0
        ben.connectors { nats.url = "", clickhouse.url = "", s3.endpoint = "" }
        """
        .formatted(
            home,
            port,
            String.join(", ", seeds.stream().map(seed -> "\"127.0.0.1:" + seed + "\"").toList()));
  }
}
