package dev.ben.actors.node.servers;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.actors.testing.ActorTestBase;
import dev.ben.actors.testing.Await;
import dev.ben.config.ConnectionLimits;
import dev.ben.config.Endpoint;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Tcp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A guarded listener on 127.0.0.1 under attack from the same host: trickling connections are held
 * to their caps and closed by the header deadline, slow bodies by the minimum rate, while a good
 * client (from 127.0.0.2, another loopback address) is served within a second.
 */
class GuardedListenerTest extends ActorTestBase {

  private final MetricsRegistry metrics = new MetricsRegistry();
  private final List<Socket> attackers = new ArrayList<>();
  private final ScheduledExecutorService trickling = Executors.newSingleThreadScheduledExecutor();
  private Tcp.ServerBinding binding;

  @BeforeEach
  void bind() throws Exception {
    GuardedListener listener =
        new GuardedListener(
            "ingest",
            testKit.system(),
            new ConnectionLimits(50, 20, Duration.ofMillis(600), 100, Duration.ofMillis(400)),
            1 << 20,
            metrics);
    binding =
        listener
            .bind(new Endpoint("127.0.0.1", 0), Optional.empty(), countingBodies())
            .toCompletableFuture()
            .get(5, SECONDS);
  }

  @AfterEach
  void unbind() throws Exception {
    trickling.shutdownNow();
    for (Socket attacker : attackers) {
      attacker.close();
    }
    binding.unbind().toCompletableFuture().get(5, SECONDS);
  }

  /** Answers each request with the size of its body once read. */
  private Flow<HttpRequest, HttpResponse, org.apache.pekko.NotUsed> countingBodies() {
    return Flow.<HttpRequest>create()
        .mapAsync(
            1,
            request ->
                request
                    .entity()
                    .getDataBytes()
                    .runFold(0L, (n, bytes) -> n + bytes.size(), testKit.system())
                    .thenApply(n -> HttpResponse.create().withEntity("read " + n))
                    .exceptionally(
                        failure -> HttpResponse.create().withStatus(400).withEntity("slow")));
  }

  private int port() {
    return binding.localAddress().getPort();
  }

  private Socket connect(String from) throws IOException {
    Socket socket = new Socket();
    socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
    socket.connect(binding.localAddress());
    socket.setSoTimeout(5000);
    return socket;
  }

  /** Writes the next byte of a never-ending header to every attacker each 100 ms. */
  private void trickle() {
    String header = "X-Pad: 1\r\n";
    int[] next = {0};
    trickling.scheduleAtFixedRate(
        () -> {
          String one = String.valueOf(header.charAt(next[0]++ % header.length()));
          attackers.forEach(attacker -> write(attacker, one));
        },
        0,
        100,
        MILLISECONDS);
  }

  private static void write(Socket socket, String text) {
    try {
      socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
    } catch (IOException closed) {
      // Closed by the listener: what the test waits for.
    }
  }

  private String goodRequest() {
    try (Socket good = connect("127.0.0.2")) {
      write(good, "GET /x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
      return new String(good.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the listener closed the connection: end of stream, or a reset. */
  private static boolean closedByListener(Socket socket) {
    try {
      InputStream in = socket.getInputStream();
      while (in.read() >= 0) {
        // A refusal may come with a response; the close is what counts.
      }
      return true;
    } catch (IOException reset) {
      return !(reset instanceof java.net.SocketTimeoutException);
    }
  }

  @Test
  void tricklingHeadersAreCappedAndClosedByTheDeadlineWhileAGoodClientIsServed() throws Exception {
    // The listener has served before the attack (the first connection loads Pekko HTTP's classes).
    assertTrue(goodRequest().startsWith("HTTP/1.1 200"));
    for (int i = 0; i < 60; i++) {
      Socket attacker = connect("127.0.0.1");
      write(attacker, "GET /x HTTP/1.1\r\nHost: localhost\r\n");
      attackers.add(attacker);
    }
    trickle();
    Await.until(
        () ->
            refused("max_per_address")
                    + refused("header_timeout")
                    + metrics.value("ben_connections_open", Labels.of("listener", "ingest"))
                == 60,
        "the listener took in every attacker",
        Duration.ofSeconds(5));
    String response = CompletableFuture.supplyAsync(this::goodRequest).get(1, SECONDS);
    assertTrue(response.startsWith("HTTP/1.1 200"), response);
    for (Socket attacker : attackers) {
      assertTrue(closedByListener(attacker), "every trickling connection is closed");
    }
    // Each attacker was refused at once for its address's cap or closed at the header deadline;
    // which, depends on whether a place had been freed by the deadline when it was accepted.
    long refused = refused("max_per_address");
    long overdue = refused("header_timeout");
    assertEquals(60, refused + overdue, "refused " + refused + ", overdue " + overdue);
    assertTrue(overdue >= 20, "the address's 20 places were held until the deadline");
  }

  private long refused(String reason) {
    return metrics.value(
        "ben_connections_refused_total", Labels.of("listener", "ingest", "reason", reason));
  }

  @Test
  void aKeepAliveConnectionIdleBetweenRequestsIsNotHeldToTheHeaderDeadline() throws Exception {
    try (Socket client = connect("127.0.0.1")) {
      write(client, "GET /x HTTP/1.1\r\nHost: localhost\r\n\r\n");
      assertTrue(readResponseHead(client).startsWith("HTTP/1.1 200"));
      // Longer than the header deadline, shorter than the idle timeout.
      Thread.sleep(1000);
      write(client, "GET /x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
      String second = new String(client.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      assertTrue(second.startsWith("HTTP/1.1 200"), second);
    }
  }

  @Test
  void aBodyTricklingBelowTheMinimumRateIsRefusedAndItsConnectionClosed() throws Exception {
    Socket slow = connect("127.0.0.1");
    attackers.add(slow);
    write(slow, "POST /x HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000\r\n\r\n");
    trickle();
    assertTrue(closedByListener(slow));
    assertEquals(
        1,
        metrics.value(
            "ben_connections_refused_total",
            Labels.of("listener", "ingest", "reason", "body_too_slow")));
    String response = CompletableFuture.supplyAsync(this::goodRequest).get(1, SECONDS);
    assertTrue(response.startsWith("HTTP/1.1 200"), response);
  }

  private static String readResponseHead(Socket socket) throws IOException {
    StringBuilder head = new StringBuilder();
    InputStream in = socket.getInputStream();
    while (!head.toString().endsWith("read 0")) {
      int next = in.read();
      if (next < 0) {
        break;
      }
      head.append((char) next);
    }
    return head.toString();
  }
}
