package dev.ben.tests.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.actors.node.tls.NodeCertificateTool;
import dev.ben.config.ClusterTlsSettings;
import dev.ben.tests.support.NodeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No silent split, with real node processes on 127.0.0.1 and the embedded defaults (no NATS, no
 * ClickHouse): when a second node joins the first, each leaves the cluster and exits 1 with one
 * line naming BEN_NATS_URL and BEN_CLICKHOUSE_URL, instead of keeping a ledger, users and events of
 * its own. Needs no servers.
 */
class EmbeddedStateSplitIT {

  private static final Duration START = Duration.ofSeconds(90);
  private static final Duration LEAVE = Duration.ofSeconds(90);

  @TempDir Path work;

  private final List<NodeProcess> processes = new ArrayList<>();

  @AfterEach
  void stopNodes() {
    processes.forEach(NodeProcess::close);
  }

  @Test
  void nodesOnEmbeddedDefaultsLeaveAClusterOfTwoNamingTheSettingsToSet() throws Exception {
    int portA = NodeProcess.freePort();
    Path homeA = Files.createDirectories(work.resolve("a"));
    NodeProcess a = started(NodeProcess.node("a", work, config(homeA, portA, List.of())));
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
    NodeProcess b =
        started(NodeProcess.node("b", work, config(homeB, NodeProcess.freePort(), List.of(portA))));

    for (NodeProcess node : List.of(b, a)) {
      assertEquals(1, node.awaitExit(LEAVE), node.output());
      List<String> said = node.linesMatching(line -> line.startsWith("ben: "));
      assertEquals(1, said.size(), node.output());
      System.out.println("a node said: " + said.get(0));
      assertTrue(said.get(0).contains("left a cluster of 2 members"), said.get(0));
      assertTrue(
          said.get(0).contains("BEN_NATS_URL") && said.get(0).contains("BEN_CLICKHOUSE_URL"),
          said.get(0));
    }
  }

  private NodeProcess started(NodeProcess process) {
    processes.add(process);
    return process;
  }

  private static String config(Path home, int port, List<Integer> seeds) {
    return """
        ben.home = "%s"
        ben.node { host = "127.0.0.1", port = %d, seeds = [%s], pass-through-pipelines = [] }
        ben.ingest { port = 0, socket.port = 0 }
        ben.gateway.port = 0
        ben.control.port = 0
        ben.ops.port = 0
        ben.connectors { nats.url = "", clickhouse.url = "", s3.endpoint = "" }
        """
        .formatted(
            home,
            port,
            String.join(", ", seeds.stream().map(seed -> "\"127.0.0.1:" + seed + "\"").toList()));
  }
}
