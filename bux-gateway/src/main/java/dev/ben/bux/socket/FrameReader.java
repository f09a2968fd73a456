package dev.ben.bux.socket;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * Reads one client message whole, within the socket's bounds: at most {@code maxBytes} of text
 * arriving within {@code timeout}. A binary message is read to its end (a body left unread would
 * stall the connection) and refused.
 */
final class FrameReader {

  /** A frame's text, or why it was not read ({@code refusal} non-null). */
  record Received(String text, String refusal) {}

  private final long maxBytes;
  private final Duration timeout;

  FrameReader(long maxBytes, Duration timeout) {
    this.maxBytes = maxBytes;
    this.timeout = timeout;
  }

  CompletionStage<Received> read(Message message, Materializer materializer) {
    if (!message.isText()) {
      message.asBinaryMessage().getStreamedData().runWith(Sink.ignore(), materializer);
      return CompletableFuture.completedFuture(
          new Received(null, "binary frames are not read here; send JSON text frames"));
    }
    TextMessage text = message.asTextMessage();
    if (text.isStrict()) {
      return CompletableFuture.completedFuture(within(text.getStrictText()));
    }
    return text.getStreamedText()
        .limitWeighted(maxBytes, FrameReader::bytes)
        .completionTimeout(timeout)
        .runFold(new StringBuilder(), StringBuilder::append, materializer)
        .handle(
            (whole, failure) ->
                failure == null
                    ? new Received(whole.toString(), null)
                    : new Received(
                        null,
                        "the frame was larger than "
                            + maxBytes
                            + " bytes (ben.gateway.socket.max-frame-bytes) or took longer than "
                            + timeout.toMillis()
                            + " ms to arrive (ben.gateway.socket.frame-timeout)"));
  }

  private Received within(String text) {
    return bytes(text) > maxBytes
        ? new Received(
            null,
            "the frame was larger than " + maxBytes + " bytes (ben.gateway.socket.max-frame-bytes)")
        : new Received(text, null);
  }

  private static long bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
