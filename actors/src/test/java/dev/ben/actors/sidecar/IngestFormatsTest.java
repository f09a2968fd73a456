package dev.ben.actors.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.actors.testing.Await;
import dev.ben.actors.testing.CapturedLogs;
import dev.ben.actors.testing.TestNode;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.metrics.Labels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a request body is declared as: the types each endpoint reads (others refused 415, counted,
 * with the header to send), and gzip or deflate bodies decoded as they stream, held to the size
 * limit once decoded.
 */
@CapturedLogs
class IngestFormatsTest {

  private static final long LIMIT = 256 * 1024;
  private static final String EVENTS = "/api/v1/events?pipeline=formats";
  private static final List<Envelope> stored = new CopyOnWriteArrayList<>();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestNode node;

  @BeforeAll
  static void start() {
    node =
        new TestNode(
            "ben.node.pass-through-pipelines = [formats]\n"
                + "ben.flow.store-batch-interval = 50ms\n"
                + "ben.ingest.max-request-bytes = "
                + LIMIT,
            stored::addAll);
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
  }

  @Test
  void eventsAreReadUnderEveryNameNdjsonGoesBy() throws Exception {
    for (String type :
        List.of(
            "application/x-ndjson",
            "application/jsonl",
            "application/json",
            "text/plain",
            "application/x-ndjson; charset=utf-8",
            "text/plain; charset=UTF-8")) {
      HttpResponse<String> response = send(EVENTS, type, null, bytes("{\"a\":1}\n{\"a\":2}\n"));
      assertEquals(200, response.statusCode(), type + ": " + response.body());
      assertEquals(2, JSON.readTree(response.body()).get("accepted").asLong(), type);
    }
  }

  @Test
  void otherTypesAreRefused415WithTheListAndTheHeaderToSendAndCounted() throws Exception {
    long refused = refused("unsupported_media_type");
    HttpResponse<String> form =
        send(EVENTS, "application/x-www-form-urlencoded", null, bytes("{\"a\":1}\n"));
    assertEquals(415, form.statusCode(), form.body());
    JsonNode body = JSON.readTree(form.body());
    assertTrue(
        body.get("error").asText().contains("-H 'Content-Type: application/x-ndjson'"),
        form.body());
    assertEquals(
        "[\"application/x-ndjson\",\"application/jsonl\",\"application/json\",\"text/plain\"]",
        body.get("supported").toString());
    HttpResponse<String> untyped = send(EVENTS, null, null, bytes("{\"a\":1}\n"));
    assertEquals(415, untyped.statusCode(), untyped.body());
    assertEquals(
        415, send(EVENTS, "text/plain; charset=iso-8859-1", null, bytes("{}")).statusCode());
    HttpResponse<String> invoke =
        send("/api/v1/invoke/formats", "application/x-ndjson", null, bytes("{\"a\":1}"));
    assertEquals(415, invoke.statusCode(), invoke.body());
    assertEquals(
        "[\"application/json\"]", JSON.readTree(invoke.body()).get("supported").toString());
    assertEquals(
        409,
        send("/api/v1/invoke/formats", "application/json", null, bytes("{\"a\":1}")).statusCode(),
        "a JSON event is read (and this pipeline runs no contract)");
    assertEquals(refused + 4, refused("unsupported_media_type"));
  }

  @Test
  void gzipAndDeflateBodiesAreDecodedAndOtherCodingsRefused() throws Exception {
    String lines = "{\"coded\":\"gzip\"}\n".repeat(500);
    HttpResponse<String> gzip =
        send(EVENTS, "application/x-ndjson", "gzip", gzip(lines.getBytes(StandardCharsets.UTF_8)));
    assertEquals(200, gzip.statusCode(), gzip.body());
    assertEquals(500, JSON.readTree(gzip.body()).get("accepted").asLong());
    HttpResponse<String> deflate =
        send(EVENTS, "application/x-ndjson", "deflate", deflate("{\"coded\":\"deflate\"}\n"));
    assertEquals(1, JSON.readTree(deflate.body()).get("accepted").asLong(), deflate.body());
    long refused = refused("unsupported_encoding");
    HttpResponse<String> brotli = send(EVENTS, "application/x-ndjson", "br", bytes("{}"));
    assertEquals(415, brotli.statusCode(), brotli.body());
    assertEquals(refused + 1, refused("unsupported_encoding"));
    Await.until(
        () -> storedIn("coded", "gzip") == 500 && storedIn("coded", "deflate") == 1,
        "decoded events stored");
  }

  @Test
  void aZipBombStopsAtTheLimitOnceDecodedAnsweredAndCounted() throws Exception {
    long cut = IngestBodyTest.cutShortOf(node, "too_large");
    // 64 MiB of zeros after two events, compressed as they are generated: about 64 KiB sent.
    ByteArrayOutputStream sent = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(sent)) {
      gzip.write("{\"bomb\":1}\n{\"bomb\":2}\n".getBytes(StandardCharsets.UTF_8));
      byte[] zeros = new byte[64 * 1024];
      for (int i = 0; i < 1024; i++) {
        gzip.write(zeros);
      }
    }
    assertTrue(sent.size() < LIMIT, "the compressed body is within the limit: " + sent.size());
    HttpResponse<String> response =
        send(EVENTS, "application/x-ndjson", "gzip", sent.toByteArray());
    assertEquals(413, response.statusCode(), response.body());
    JsonNode body = JSON.readTree(response.body());
    assertEquals(2, body.get("accepted").asLong());
    assertEquals(3, body.get("resume_from_line").asLong());
    assertTrue(
        body.get("error").asText().contains("decoded request body exceeds"), response.body());
    assertEquals(cut + 1, IngestBodyTest.cutShortOf(node, "too_large"));
    Await.until(() -> storedIn("bomb", null) == 2, "the two events before the bomb stored");
  }

  private static HttpResponse<String> send(
      String path, String contentType, String encoding, byte[] body) throws Exception {
    HttpRequest.Builder request =
        contentType != null
            ? node.request(path).setHeader("Content-Type", contentType)
            : HttpRequest.newBuilder(node.ingest(path))
                .header("Authorization", "Bearer " + node.appKey("default"));
    if (encoding != null) {
      request.header("Content-Encoding", encoding);
    }
    return node.http()
        .send(
            request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static long refused(String reason) {
    return node.metrics.value("ben_ingest_refused_total", Labels.of("reason", reason));
  }

  /** Stored events with this field (of this value, or any when null). */
  private static long storedIn(String field, String value) {
    return stored.stream()
        .filter(e -> e.body().has(field))
        .filter(e -> value == null || value.equals(e.body().get(field).asText()))
        .count();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(plain);
    }
    return out.toByteArray();
  }

  private static byte[] deflate(String plain) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream deflate = new DeflaterOutputStream(out)) {
      deflate.write(bytes(plain));
    }
    return out.toByteArray();
  }
}
