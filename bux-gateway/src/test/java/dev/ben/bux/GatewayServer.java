package dev.ben.bux;

import dev.ben.config.GatewaySettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;

/**
 * The gateway's routes bound on an ephemeral port of 127.0.0.1 and reached with the JDK's own HTTP
 * client, because pekko-http 1.3.0's route testkit is JUnit 4 only.
 */
final class GatewayServer implements AutoCloseable {

  private final ServerBinding binding;
  private final HttpClient http = HttpClient.newHttpClient();

  GatewayServer(ActorSystem system, Duration keepAlive, GatewayPorts ports) throws Exception {
    GatewaySettings settings = TestGatewaySettings.withKeepAlive(keepAlive);
    binding =
        new GatewayRoutes(system, settings, ports, false)
            .bind(Http.get(system).newServerAt("127.0.0.1", 0))
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
  }

  URI uri(String scheme, String path) {
    return URI.create(scheme + "://127.0.0.1:" + binding.localAddress().getPort() + path);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri("http", path)).GET());
  }

  /** A GET with the token as {@code Authorization: Bearer}. */
  HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(uri("http", path)).header("Authorization", "Bearer " + token).GET());
  }

  /** The gateway's own origin, as a browser on its page names it. */
  String origin() {
    return "http://127.0.0.1:" + binding.localAddress().getPort();
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(
        request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpClient http() {
    return http;
  }

  @Override
  public void close() {
    binding.unbind().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
  }
}
