package dev.ben.actors.node.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.actors.testing.CapturedLogs;
import dev.ben.actors.testing.TestClusterCredentials;
import dev.ben.actors.testing.TestNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node with ben.tls set serves its HTTP listeners over HTTPS only. */
@CapturedLogs
class HttpsListenersTest {

  /** The node's certificate and key; JUnit deletes it. */
  @TempDir static Path files;

  private static TestNode node;

  @BeforeAll
  static void start() throws IOException {
    NodeCertificateTool.writeMember(
        files.resolve("tls"),
        TestClusterCredentials.authority().certificate(),
        TestClusterCredentials.member());
    node =
        new TestNode(
            "ben.tls { certificate-file = \""
                + files.resolve("tls/node.crt")
                + "\", private-key-file = \""
                + files.resolve("tls/node.key")
                + "\" }",
            batch -> {});
  }

  @AfterAll
  static void stop() throws IOException {
    node.close();
  }

  /** A client that trusts the test CA, and checks the name 127.0.0.1 against the certificate. */
  private static HttpClient trustingClient(HttpClient.Version version) throws Exception {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("ca", TestClusterCredentials.authority().certificate());
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return HttpClient.newBuilder()
        .sslContext(context)
        .version(version)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  private static HttpRequest get(String scheme, int port, String path) {
    return HttpRequest.newBuilder(URI.create(scheme + "://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10))
        .GET()
        .build();
  }

  @Test
  void healthAnswersOverHttpsToAClientTrustingTheCa() throws Exception {
    HttpResponse<String> health =
        trustingClient(HttpClient.Version.HTTP_1_1)
            .send(
                get("https", node.endpoints.gateway().port(), "/health"),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, health.statusCode());
    assertTrue(health.body().contains("\"cluster\""), health.body());
  }

  @Test
  void cleartextHttpGetsNoAnswer() {
    HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    for (int port : new int[] {node.endpoints.gateway().port(), node.endpoints.ingest().port()}) {
      assertThrows(
          IOException.class,
          () -> plain.send(get("http", port, "/health"), HttpResponse.BodyHandlers.ofString()),
          "port " + port);
    }
  }

  @Test
  void aClientThatDoesNotTrustTheCaIsRefused() {
    HttpClient defaults = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    assertThrows(
        javax.net.ssl.SSLHandshakeException.class,
        () ->
            defaults.send(
                get("https", node.endpoints.gateway().port(), "/health"),
                HttpResponse.BodyHandlers.ofString()));
  }

  @Test
  void theControlApiNegotiatesHttp2OverTls() throws Exception {
    HttpResponse<String> response =
        trustingClient(HttpClient.Version.HTTP_2)
            .send(
                get("https", node.endpoints.control().port(), "/"),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(HttpClient.Version.HTTP_2, response.version());
  }
}
