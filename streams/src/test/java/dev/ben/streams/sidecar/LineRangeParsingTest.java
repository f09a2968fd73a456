package dev.ben.streams.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.Test;

/**
 * Lines are parsed where they lie in their chunk: whatever the chunking, every line parses to what
 * the same line on its own parses to, malformed UTF-8 included.
 */
class LineRangeParsingTest {

  private final EventParser parser = new EventParser(new ObjectMapper(), 64);

  private static final List<byte[]> LINES =
      List.of(
          utf8("{\"user\":\"ann\",\"n\":1}"),
          utf8("{\"s\":\"\u00e9\u20ac\uD83D\uDE00\"}\r"),
          new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'},
          new byte[] {
            '{', '"', 'b', '"', ':', '"', (byte) 0xE2, (byte) 0x28, (byte) 0xA1, '"', '}'
          },
          new byte[] {'{', '"', (byte) 0xFF, '"', ':', '1', '}'},
          utf8("{\"k\":1,\"k\":2}"),
          utf8("[1,2]"),
          utf8("  "),
          utf8("{\"x\":\"" + "y".repeat(80) + "\"}"),
          utf8("{\"n\":1e309}"),
          utf8("{\"user\": ann}"));

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The line on its own, as a client sending only it would have it parsed. */
  private String alone(byte[] line) {
    int end = line.length > 0 && line[line.length - 1] == '\r' ? line.length - 1 : line.length;
    byte[] bytes = end > 64 ? null : java.util.Arrays.copyOf(line, end);
    return describe(parser.parse(new LineSplitter.Line(1, bytes), "auth", "web", 0));
  }

  private static String describe(EventParser.Parsed parsed) {
    if (parsed instanceof EventParser.Accepted accepted) {
      return "accepted " + accepted.envelope().body();
    }
    return parsed instanceof EventParser.Refused refused
        ? "refused " + refused.reason() + ": " + refused.detail()
        : "blank";
  }

  @Test
  void everyChunkingParsesEachLineAsItParsesAlone() {
    Random random = new Random(20261205L);
    for (int round = 0; round < 300; round++) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      List<String> expected = new ArrayList<>();
      for (int i = random.nextInt(12); i >= 0; i--) {
        byte[] line = LINES.get(random.nextInt(LINES.size()));
        body.writeBytes(line);
        body.write('\n');
        expected.add(alone(line));
      }
      byte[] bytes = body.toByteArray();
      LineSplitter splitter = new LineSplitter(64);
      List<String> actual = new ArrayList<>();
      for (int pos = 0; pos < bytes.length; ) {
        int length = Math.min(bytes.length - pos, 1 + random.nextInt(40));
        // Sometimes a slice of a larger array, as a socket's buffer would hand it over.
        ByteString chunk =
            random.nextBoolean()
                ? ByteString.fromArray(bytes, pos, length)
                : ByteString.fromArray(bytes).slice(pos, pos + length);
        for (LineSplitter.Line line : splitter.feed(chunk)) {
          actual.add(describe(parser.parse(line, "auth", "web", 0)));
        }
        pos += length;
      }
      splitter.finish().forEach(line -> actual.add(describe(parser.parse(line, "auth", "web", 0))));
      assertEquals(expected, actual, "round " + round);
    }
  }

  @Test
  void aLineInsideOneChunkIsARangeOfItsBytesNotACopy() {
    byte[] bytes = utf8("{\"a\":1}\n{\"b\":2}\n");
    ByteString chunk = ByteString.fromArrayUnsafe(bytes);
    List<LineSplitter.Line> lines = new LineSplitter(64).feed(chunk);

    assertSame(bytes, lines.get(1).array());
    assertEquals(8, lines.get(1).offset());
    assertEquals(7, lines.get(1).length());
    var accepted =
        assertInstanceOf(EventParser.Accepted.class, parser.parse(lines.get(1), "auth", "web", 0));
    assertEquals(2, accepted.envelope().body().get("b").asInt());
    assertSame(lines.get(1), accepted.sent(), "the log is handed the bytes as sent");
  }
}
