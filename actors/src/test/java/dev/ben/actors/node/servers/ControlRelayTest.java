package dev.ben.actors.node.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.actors.testing.Await;
import dev.ben.actors.testing.CapturedLogs;
import dev.ben.actors.testing.ControlClient;
import dev.ben.actors.testing.PingContracts;
import dev.ben.actors.testing.TestNode;
import dev.ben.streams.metrics.Labels;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control port of a node whose limits allow 5 connections per address and 2 s for the first
 * bytes: of 8 silent connections from one address, 3 are closed at once and 5 held until the
 * deadline, while a good gRPC call from another address is served. The silent connections come from
 * 127.0.0.2 since the gRPC client picks its own source address (127.0.0.1).
 */
@CapturedLogs
class ControlRelayTest {

  private static final Duration FIRST_BYTES = Duration.ofSeconds(2);

  /** Where the test's signing keys are written; JUnit deletes it. */
  @TempDir Path keyDir;

  @Test
  void silentConnectionsAreCappedAndClosedAtTheDeadlineWhileAGoodCallIsServed() throws Exception {
    PingContracts contracts = new PingContracts(keyDir);
    List<Socket> silent = new ArrayList<>();
    try (TestNode node =
        new TestNode(
            "ben.control.connections { max = 20, max-per-address = 5, header-timeout = "
                + FIRST_BYTES.toMillis()
                + "ms }\n"
                + "ben.ledger.trusted-keys = [\""
                + contracts.publicKey()
                + "\"]",
            batch -> {})) {
      int port = node.endpoints.control().port();
      // The port has served before the attack (the first call loads the gRPC classes).
      try (ControlClient first = new ControlClient(port, node.system, node.adminToken())) {
        assertEquals(1, first.stage(contracts.bundle(10)).getStagedCount());
      }
      long attacked = System.nanoTime();
      for (int i = 0; i < 8; i++) {
        silent.add(connect(port, "127.0.0.2"));
      }
      Await.until(
          () -> refused(node, "max_per_address") == 3,
          "the connections past the address's cap are refused",
          Duration.ofSeconds(5));
      // Accepted in the order they connected: the last three were refused.
      for (Socket refused : silent.subList(5, 8)) {
        assertTrue(closedByServer(refused), "a refused connection is closed at once");
      }

      try (ControlClient good = new ControlClient(port, node.system, node.adminToken())) {
        assertEquals(1, good.stage(contracts.bundle(10)).getStagedCount(), "the good call");
      }
      assertEquals(0, refused(node, "header_timeout"), "the silent ones are still held");

      for (Socket held : silent.subList(0, 5)) {
        held.setSoTimeout((int) FIRST_BYTES.multipliedBy(5).toMillis());
        assertTrue(closedByServer(held), "a silent connection is closed at the deadline");
      }
      assertTrue(
          Duration.ofNanos(System.nanoTime() - attacked).compareTo(FIRST_BYTES) >= 0,
          "not before the deadline");
      Await.until(
          () -> refused(node, "header_timeout") == 5,
          "the silent connections are counted",
          Duration.ofSeconds(5));
      Await.until(
          () -> node.metrics.value("ben_connections_open", Labels.of("listener", "control")) == 0,
          "every connection gave its place back",
          Duration.ofSeconds(5));
    } finally {
      for (Socket socket : silent) {
        socket.close();
      }
    }
  }

  private static long refused(TestNode node, String reason) {
    return node.metrics.value(
        "ben_connections_refused_total", Labels.of("listener", "control", "reason", reason));
  }

  private static Socket connect(int port, String from) throws IOException {
    Socket socket = new Socket();
    socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
    socket.connect(new InetSocketAddress("127.0.0.1", port));
    socket.setSoTimeout(1000);
    return socket;
  }

  /**
   * Whether the server closed the connection (end of stream, or a reset) before the read timeout.
   */
  private static boolean closedByServer(Socket socket) throws IOException {
    try {
      InputStream in = socket.getInputStream();
      return in.read() < 0;
    } catch (SocketTimeoutException stillOpen) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }
}
