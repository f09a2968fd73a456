package dev.ben.actors.node.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.Test;

class OpeningBytesTest {

  private static final ByteString PREFACE =
      ByteString.fromString("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", StandardCharsets.US_ASCII);

  /** A TLS handshake record header announcing {@code length} bytes, then that many bytes. */
  private static ByteString tlsRecord(int length) {
    return ByteString.fromArray(new byte[] {22, 3, 1, (byte) (length >> 8), (byte) length})
        .concat(ByteString.fromArray(new byte[length]));
  }

  @Test
  void theHttp2PrefaceOpensACleartextConnectionHoweverItIsSplit() {
    assertEquals(24, PREFACE.size());
    OpeningBytes whole = new OpeningBytes();
    assertTrue(whole.arrived(PREFACE));

    OpeningBytes split = new OpeningBytes();
    assertFalse(split.arrived(PREFACE.take(1)));
    assertFalse(split.arrived(PREFACE.slice(1, 23)));
    assertTrue(split.arrived(PREFACE.drop(23)));
  }

  @Test
  void aTlsConnectionIsOpenedByItsWholeFirstRecord() {
    ByteString hello = tlsRecord(300);
    OpeningBytes opening = new OpeningBytes();
    assertFalse(opening.arrived(hello.take(3)), "the record header is not complete");
    assertEquals(OpeningBytes.TLS_RECORD_HEADER, opening.needed());
    assertFalse(opening.arrived(hello.slice(3, 100)), "past the preface's 24 bytes");
    assertEquals(305, opening.needed());
    assertFalse(opening.arrived(hello.slice(100, 304)));
    assertTrue(opening.arrived(hello.drop(304)));
  }

  @Test
  void aTlsRecordLongerThanTlsAllowsIsWaitedOnOnlyUpToTheLargestRecord() {
    OpeningBytes opening = new OpeningBytes();
    opening.arrived(ByteString.fromArray(new byte[] {22, 3, 1, (byte) 0xff, (byte) 0xff}));
    assertEquals(OpeningBytes.TLS_RECORD_HEADER + OpeningBytes.TLS_MAX_RECORD, opening.needed());
  }
}
