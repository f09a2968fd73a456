package dev.ben.bench.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpAnswerReaderTest {

  private static final String DECIDED =
      "HTTP/1.1 200 OK\r\nServer: ben\r\nContent-Type: application/json\r\n"
          + "Content-Length: 14\r\n\r\n{\"allow\":true}";

  private static ByteBuffer bytes(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anAnswerArrivingInPiecesIsCompleteOnlyWithItsLastBodyByte() throws IOException {
    HttpAnswerReader reader = new HttpAnswerReader();
    String answer = DECIDED.substring(0, DECIDED.length() - 1);
    for (int i = 0; i < answer.length(); i += 7) {
      reader.take(bytes(answer.substring(i, Math.min(answer.length(), i + 7))));
      assertEquals(-1, reader.next(), "complete after " + (i + 7) + " bytes");
    }
    reader.take(bytes("}"));
    assertEquals(200, reader.next());
    assertEquals(-1, reader.next(), "one answer is read once");
    assertFalse(reader.closes());
  }

  @Test
  void answersOneAfterAnotherAreReadInTurnWithTheirOwnStatus() throws IOException {
    HttpAnswerReader reader = new HttpAnswerReader();
    reader.take(
        bytes(
            DECIDED
                + "HTTP/1.1 503 Service Unavailable\r\ncontent-length: 2\r\n"
                + "Connection: close\r\n\r\n{}"));
    assertEquals(200, reader.next());
    assertEquals(503, reader.next());
    assertTrue(reader.closes(), "the second answer closes its connection");
  }

  @Test
  void aRefusalIsKeptAsItsReasonWithoutTheAdviceAfterIt() throws IOException {
    HttpAnswerReader reader = new HttpAnswerReader();
    String refused =
        "{\"error\":\"pipeline `auth` did not decide within 2000 ms (it is saturated); retry\"}";
    reader.take(
        bytes(
            "HTTP/1.1 503 Service Unavailable\r\nContent-Length: "
                + refused.length()
                + "\r\n\r\n"
                + refused
                + DECIDED));
    assertEquals(503, reader.next());
    assertEquals(" (pipeline `auth` did not decide within 2000 ms)", reader.refusal());
    assertEquals(200, reader.next());
    assertEquals("", reader.refusal(), "a decision is no refusal");
  }

  @Test
  void aRefusalWithoutAnErrorSaysNothingMore() throws IOException {
    HttpAnswerReader reader = new HttpAnswerReader();
    reader.take(bytes("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 4\r\n\r\nnope"));
    assertEquals(502, reader.next());
    assertEquals("", reader.refusal());
  }

  @Test
  void anEmptyBodyCompletesWithItsHeaders() throws IOException {
    HttpAnswerReader reader = new HttpAnswerReader();
    reader.take(bytes("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n"));
    assertEquals(401, reader.next());
  }

  @Test
  void whatIsNotAnAnswerWithALengthIsRefusedWithWhatWasWrong() {
    assertRefused("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", "chunked");
    assertRefused("HTTP/1.1 200 OK\r\nServer: ben\r\n\r\n", "without Content-Length");
    assertRefused("SSH-2.0-OpenSSH\r\n\r\n", "not an HTTP/1.1 status line");
    assertRefused("HTTP/1.1 2xx OK\r\nContent-Length: 0\r\n\r\n", "not an HTTP/1.1 status line");
    assertRefused("HTTP/1.1 200 OK\r\nContent-Length: many\r\n\r\n", "malformed Content-Length");
    assertRefused("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n", "malformed header line");
    assertRefused("x".repeat(HttpAnswerReader.MAX_HEAD + 1), "answer headers over");
  }

  private static void assertRefused(String answer, String reason) {
    HttpAnswerReader reader = new HttpAnswerReader();
    reader.take(bytes(answer));
    IOException refused = assertThrows(IOException.class, reader::next);
    assertTrue(refused.getMessage().contains(reason), refused.getMessage());
  }
}
