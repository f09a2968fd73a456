package dev.ben.actors.node.servers;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.actors.testing.CapturedLogs;
import dev.ben.actors.testing.ControlClient;
import dev.ben.actors.testing.PingContracts;
import dev.ben.actors.testing.TestNode;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpMethods;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control API of a node whose bundles may be 1 MiB: a 200 MB stage call, streamed from a
 * generator and never held by the test, is refused RESOURCE_EXHAUSTED long before it has all been
 * sent, and a good call right after it is served.
 */
@CapturedLogs
class ControlRequestBoundTest {

  private static final long DECLARED = 200L * 1024 * 1024;
  private static final int CHUNK = 64 * 1024;

  /** Where the test's signing keys are written; JUnit deletes it. */
  @TempDir Path keyDir;

  @Test
  void anOversizedStageCallIsRefusedBeforeItIsReadAndTheNextCallIsServed() throws Exception {
    PingContracts contracts = new PingContracts(keyDir);
    try (TestNode node =
            new TestNode(
                "ben.ledger.max-bundle-bytes = 1m\n"
                    + "ben.ledger.trusted-keys = [\""
                    + contracts.publicKey()
                    + "\"]",
                batch -> {});
        ControlClient control = new ControlClient(node)) {
      AtomicLong sent = new AtomicLong();
      HttpResponse refused =
          // The connection stays open (no more requests) until the answer came.
          Source.single(oversizedStage(node, sent))
              .concat(Source.maybe())
              .via(
                  Http.get(node.system)
                      .connectionTo("127.0.0.1")
                      .toPort(node.endpoints.control().port())
                      .http2WithPriorKnowledge())
              .runWith(Sink.head(), node.system)
              .toCompletableFuture()
              .get(30, SECONDS);
      long sentWhenRefused = sent.get();
      assertEquals("8", grpcStatus(refused), "RESOURCE_EXHAUSTED");
      assertTrue(
          sentWhenRefused < DECLARED / 4,
          "refused after " + sentWhenRefused + " of " + DECLARED + " bytes");
      assertEquals(1, control.stage(contracts.bundle(10)).getStagedCount(), "the next call");
    }
  }

  /** A Stage call whose one message claims 200 MB and is generated as it is sent. */
  private static HttpRequest oversizedStage(TestNode node, AtomicLong sent) {
    ByteString prefix =
        ByteString.fromArray(ByteBuffer.allocate(5).put((byte) 0).putInt((int) DECLARED).array());
    Source<ByteString, ?> body =
        Source.single(prefix)
            .concat(Source.repeat(ByteString.fromArray(new byte[CHUNK])).take(DECLARED / CHUNK))
            .map(
                chunk -> {
                  sent.addAndGet(chunk.size());
                  return chunk;
                });
    return HttpRequest.create("/ben.control.v1.LedgerService/Stage")
        .withMethod(HttpMethods.POST)
        .addHeader(RawHeader.create("te", "trailers"))
        .addHeader(RawHeader.create("authorization", "Bearer " + node.adminToken()))
        .withEntity(HttpEntities.create(ContentTypes.create(grpc()), body));
  }

  private static org.apache.pekko.http.javadsl.model.MediaType.Binary grpc() {
    return org.apache.pekko.http.javadsl.model.MediaTypes.applicationBinary("grpc", false);
  }

  /** The status of a trailers-only gRPC answer, as pekko-grpc gives a failed call's. */
  private static String grpcStatus(HttpResponse response) {
    return response
        .getHeader("grpc-status")
        .map(header -> header.value())
        .orElse("no grpc-status header in " + response);
  }
}
