package dev.ben.streams.sidecar.socket;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Random;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random and mutated byte sequences, fed in random chunks: every one either decodes or
 * is refused with a reason, nothing throws, and the decoder never holds more than one frame plus
 * one chunk.
 */
class FrameDecoderFuzzTest {

  private static final int MAX_FRAME = 2048;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<ByteString> SEEDS =
      List.of(
          FrameWriter.frame(
              FrameType.HELLO,
              FrameDecoderTest.text(
                  "{\"protocol\":1,\"app\":\"shop\",\"pipeline\":\"p\","
                      + "\"key\":\"ben_app_shop_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}")),
          FrameDecoderTest.events(1, "{\"n\":42}\n{\"n\":\"x\"}\nnot json\n"),
          FrameWriter.frame(FrameType.SIGNAL_ACK, FrameDecoderTest.text("{\"id\":12}")),
          FrameWriter.frame(FrameType.PING, ByteString.emptyByteString()),
          FrameWriter.frame(FrameType.BYE, ByteString.emptyByteString()));

  @Test
  void everyInputDecodesOrIsRefusedWithAReasonAndBufferingStaysBounded() {
    Random random = new Random(20261123L);
    for (int round = 0; round < 5000; round++) {
      byte[] input = round % 2 == 0 ? mutated(random) : randomBytes(random);
      FrameDecoder decoder = new FrameDecoder(MAX_FRAME, new PayloadParser(JSON));
      int at = 0;
      int maxChunk = 1 + random.nextInt(512);
      while (at < input.length) {
        int n = Math.min(input.length - at, 1 + random.nextInt(maxChunk));
        check(decoder.feed(ByteString.fromArray(input, at, n)));
        assertTrue(
            decoder.buffered() <= FrameType.PREFIX_BYTES + MAX_FRAME + maxChunk,
            "round " + round + " buffers " + decoder.buffered() + " bytes");
        at += n;
      }
      check(decoder.finish());
    }
  }

  private static void check(List<Inbound> read) {
    for (Inbound inbound : read) {
      assertNotNull(inbound);
      if (inbound instanceof Inbound.Refused refused) {
        assertFalse(refused.refusal().reason().isBlank());
        assertTrue(refused.refusal().message().length() > 20, refused.refusal().message());
      }
    }
  }

  private static byte[] mutated(Random random) {
    ByteString stream = ByteString.emptyByteString();
    for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
      stream = stream.concat(SEEDS.get(random.nextInt(SEEDS.size())));
    }
    byte[] bytes = stream.toArray();
    for (int i = 0, n = random.nextInt(4); i < n; i++) {
      int at = random.nextInt(bytes.length);
      switch (random.nextInt(3)) {
        case 0 -> bytes[at] = (byte) random.nextInt(256);
        case 1 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
        default -> bytes = java.util.Arrays.copyOf(bytes, at);
      }
      if (bytes.length == 0) {
        break;
      }
    }
    return bytes;
  }

  private static byte[] randomBytes(Random random) {
    byte[] bytes = new byte[random.nextInt(4096)];
    random.nextBytes(bytes);
    // Small lengths now and then, so random payloads reach the payload parser and not only the
    // length check.
    if (bytes.length > 6 && random.nextBoolean()) {
      bytes[0] = 0;
      bytes[1] = 0;
      bytes[2] = (byte) random.nextInt(8);
      bytes[4] = (byte) random.nextInt(3);
      bytes[5] = (byte) random.nextInt(10);
    }
    return bytes;
  }
}
