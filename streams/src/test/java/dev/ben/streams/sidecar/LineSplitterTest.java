package dev.ben.streams.sidecar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.Test;

class LineSplitterTest {

  private static List<LineSplitter.Line> split(int max, String... chunks) {
    LineSplitter splitter = new LineSplitter(max);
    List<LineSplitter.Line> lines = new ArrayList<>();
    for (String chunk : chunks) {
      lines.addAll(splitter.feed(ByteString.fromString(chunk)));
    }
    lines.addAll(splitter.finish());
    return lines;
  }

  private static String text(LineSplitter.Line line) {
    return new String(line.bytes(), StandardCharsets.UTF_8);
  }

  @Test
  void linesSpanningChunksAreJoinedAndNumbered() {
    List<LineSplitter.Line> lines = split(100, "{\"a\"", ":1}\n{\"b\":2}\r\n{\"c\"", ":3}");
    assertEquals(3, lines.size());
    assertEquals("{\"a\":1}", text(lines.get(0)));
    assertEquals("{\"b\":2}", text(lines.get(1)));
    assertEquals("{\"c\":3}", text(lines.get(2)));
    assertEquals(3, lines.get(2).number());
  }

  @Test
  void anOverlongLineIsReportedOnceAndTheNextLineSurvives() {
    List<LineSplitter.Line> lines = split(5, "12345\n1234", "567890", "abc\nok\n");
    assertEquals(3, lines.size());
    assertEquals("12345", text(lines.get(0)));
    assertTrue(lines.get(1).tooLong());
    assertEquals(2, lines.get(1).number());
    assertEquals("ok", text(lines.get(2)));
  }

  @Test
  void emptyInputHasNoLines() {
    assertEquals(0, split(10).size());
    assertEquals(1, split(10, "\n").size());
  }

  @Test
  void anyChunkingGivesTheSameLines() {
    Random random = new Random(42);
    for (int round = 0; round < 500; round++) {
      StringBuilder text = new StringBuilder();
      int count = random.nextInt(20);
      for (int i = 0; i < count; i++) {
        text.append("x".repeat(random.nextInt(12))).append(random.nextBoolean() ? "\n" : "\r\n");
      }
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      LineSplitter whole = new LineSplitter(8);
      List<LineSplitter.Line> expected = new ArrayList<>(whole.feed(ByteString.fromArray(bytes)));
      expected.addAll(whole.finish());
      LineSplitter chunked = new LineSplitter(8);
      List<LineSplitter.Line> actual = new ArrayList<>();
      int pos = 0;
      while (pos < bytes.length) {
        int len = Math.min(bytes.length - pos, 1 + random.nextInt(5));
        actual.addAll(chunked.feed(ByteString.fromArray(bytes, pos, len)));
        pos += len;
      }
      actual.addAll(chunked.finish());
      assertEquals(expected.size(), actual.size(), "round " + round);
      for (int i = 0; i < expected.size(); i++) {
        assertEquals(expected.get(i).tooLong(), actual.get(i).tooLong());
        if (!expected.get(i).tooLong()) {
          assertArrayEquals(expected.get(i).bytes(), actual.get(i).bytes());
          assertTrue(expected.get(i).bytes().length <= 8);
        }
      }
    }
  }
}
