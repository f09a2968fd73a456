package dev.ben.actors.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ben.streams.sidecar.BodyDecoding;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.junit.jupiter.api.Test;
import scala.Option;

class CutShortTest {

  @Test
  void aBodyOverTheLimitAsSentOrDecodedIs413() {
    CutShort sent =
        CutShort.of(
            new CompletionException(new EntityStreamSizeException(100, Option.empty())), 100);
    assertEquals(413, sent.status().intValue());
    assertEquals("too_large", sent.reason());
    assertTrue(sent.message().startsWith("the request body exceeds 100 bytes"), sent.message());
    CutShort decoded = CutShort.of(new BodyDecoding.TooLarge(100), 100);
    assertEquals(413, decoded.status().intValue());
    assertTrue(decoded.message().contains("decoded"), decoded.message());
  }

  @Test
  void anyOtherFailureIsAnUnreadableBody400() {
    CutShort reset = CutShort.of(new IOException("Connection reset by peer"), 100);
    assertEquals(400, reset.status().intValue());
    assertEquals("unreadable", reset.reason());
    assertTrue(reset.message().contains("Connection reset by peer"), reset.message());
  }
}
