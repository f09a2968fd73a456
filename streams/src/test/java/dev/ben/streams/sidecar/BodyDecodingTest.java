package dev.ben.streams.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.streams.sidecar.BodyDecoding.Coding;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Compression;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.testkit.javadsl.TestKit;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BodyDecodingTest {

  private static final long MIB = 1024 * 1024;
  private static ActorSystem system;
  private static Materializer mat;

  @BeforeAll
  static void start() {
    system = ActorSystem.create("body-decoding-test");
    mat = Materializer.matFromSystem(system);
  }

  @AfterAll
  static void stop() {
    TestKit.shutdownActorSystem(system);
  }

  @Test
  void theContentEncodingHeaderNamesTheCoding() {
    assertEquals(Optional.of(Coding.IDENTITY), Coding.of(Optional.empty()));
    assertEquals(Optional.of(Coding.IDENTITY), Coding.of(Optional.of("identity")));
    assertEquals(Optional.of(Coding.GZIP), Coding.of(Optional.of(" GZip ")));
    assertEquals(Optional.of(Coding.GZIP), Coding.of(Optional.of("x-gzip")));
    assertEquals(Optional.of(Coding.DEFLATE), Coding.of(Optional.of("deflate")));
    assertEquals(Optional.empty(), Coding.of(Optional.of("br")));
    assertEquals(Optional.empty(), Coding.of(Optional.of("gzip, gzip")));
  }

  @Test
  void gzipAndDeflateBodiesAreDecodedWhileTheyStream() throws Exception {
    String lines = "{\"n\":1}\n{\"n\":2}\n".repeat(1000);
    Source<ByteString, ?> text = Source.single(ByteString.fromString(lines));
    assertEquals(lines, read(BodyDecoding.decoded(text.via(Compression.gzip()), Coding.GZIP, MIB)));
    assertEquals(
        lines, read(BodyDecoding.decoded(text.via(Compression.deflate()), Coding.DEFLATE, MIB)));
    assertEquals(lines, read(BodyDecoding.decoded(text, Coding.IDENTITY, MIB)));
  }

  @Test
  void aZipBombStopsAtTheLimitWithoutExpandingTheRest() {
    // A gigabyte of zeros, compressed as it is generated (about a megabyte sent); counted as the
    // compressor takes it, so the test sees how far the bomb was expanded.
    AtomicLong generated = new AtomicLong();
    ByteString zeros = ByteString.fromArray(new byte[64 * 1024]);
    Source<ByteString, ?> bomb =
        Source.repeat(zeros)
            .take(16 * 1024)
            .map(
                chunk -> {
                  generated.addAndGet(chunk.length());
                  return chunk;
                })
            .via(Compression.gzip());
    AtomicLong decoded = new AtomicLong();
    ExecutionException failure =
        org.junit.jupiter.api.Assertions.assertThrows(
            ExecutionException.class,
            () ->
                BodyDecoding.decoded(bomb, Coding.GZIP, 8 * MIB)
                    .runWith(Sink.foreach(chunk -> decoded.addAndGet(chunk.length())), mat)
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS));
    BodyDecoding.TooLarge tooLarge =
        assertInstanceOf(BodyDecoding.TooLarge.class, failure.getCause());
    assertEquals("the decoded request body exceeds 8388608 bytes", tooLarge.getMessage());
    assertTrue(decoded.get() <= 8 * MIB, "decoded " + decoded.get());
    assertTrue(decoded.get() > 7 * MIB, "decoded up to the limit: " + decoded.get());
    assertTrue(generated.get() < 64 * MIB, "expanded only near the limit: " + generated.get());
  }

  private static String read(Source<ByteString, ?> body) throws Exception {
    return body.runFold(ByteString.emptyByteString(), ByteString::concat, mat)
        .toCompletableFuture()
        .get(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS)
        .utf8String();
  }
}
